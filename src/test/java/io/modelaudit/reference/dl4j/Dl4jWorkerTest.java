package io.modelaudit.reference.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import io.modelaudit.UsesDl4jWorker;
import io.modelaudit.report.Dl4jAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real DL4J reference worker (built before the tests), through one warm client. */
@UsesDl4jWorker
class Dl4jWorkerTest {
  private static Dl4jReferenceClient client;

  @BeforeAll
  static void start() throws Dl4jWorker.UnavailableException {
    client = new Dl4jReferenceClient(Dl4jWorker.command(), Duration.ofSeconds(120));
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  private static Path keras(String path) {
    return TestPaths.corpus().resolve("dl4j-test-resources/modelimport/keras").resolve(path);
  }

  private static Path regression(String path) {
    return TestPaths.corpus().resolve("dl4j-test-resources/regression_testing").resolve(path);
  }

  /**
   * DL4J's Reshape reads Keras' (7, 7, 10) in the wrong order: 7 channels instead of 10 after it.
   */
  @Test
  void dl4jMiscountsBatchToConv2d() {
    Dl4jAnswer r = client.reference(keras("weights/batch_to_conv2d_tensorflow_1.h5"));
    assertEquals(Dl4jAnswer.OK, r.status(), r::toString);
    assertEquals("1.0.0-M2.1", r.dl4jVersion());
    assertEquals("MultiLayerNetwork", r.modelClass());
    assertEquals(49_838L, r.totalParams());
    Dl4jAnswer.Layer bn = r.layer("batchnormalization_1");
    assertEquals(28, bn.params());
    assertEquals(List.of(7L), bn.paramTable().get("gamma"));
    Dl4jAnswer.Layer conv = r.layer("convolution2d_1");
    assertEquals("ConvolutionLayer", conv.className());
    assertEquals(320, conv.params());
    assertEquals(List.of(5L, 7L, 3L, 3L), conv.paramTable().get("W"));
    assertEquals(List.of(5L), conv.paramTable().get("b"));
    assertEquals(49_490, r.layer("dense_1").params());
  }

  @Test
  void keras3FilesAreADl4jImportFailureNotAnError() {
    Dl4jAnswer r = client.reference(TestPaths.kerasModels().resolve("seed_cnn.h5"));
    assertEquals(Dl4jAnswer.IMPORT_FAILED, r.status(), r::toString);
    assertEquals("UnsupportedKerasConfigurationException", r.failure().exception());
    assertTrue(r.failure().message().contains("Keras major version"), r.failure().message());
  }

  /** DL4J names the Lambda layer it cannot map; the worker reports it as the failing layer. */
  @Test
  void anImportFailureNamesTheLayerWhenDl4jDoes() {
    Dl4jAnswer r = client.reference(keras("examples/lambda/model_lambda.h5"));
    assertEquals(Dl4jAnswer.IMPORT_FAILED, r.status(), r::toString);
    assertEquals("lambda_3", r.failure().layer());
    assertTrue(r.failure().message().contains("No SameDiff Lambda layer"), r.failure().message());
  }

  @Test
  void aDl4jArchiveIsRebuiltFromItsConfiguration() {
    Dl4jAnswer r = client.reference(regression("080/080_ModelSerializer_Regression_CNN_1.zip"));
    assertEquals(Dl4jAnswer.OK, r.status(), r::toString);
    assertEquals("MultiLayerNetwork", r.modelClass());
    assertEquals(r.totalParams(), r.layers().stream().mapToLong(Dl4jAnswer.Layer::params).sum());
  }

  /**
   * Layers of DL4J 0.5 archives have no names: they go by index, as DL4J's summary() shows them.
   */
  @Test
  void unnamedLayersGoByTheirIndex() {
    Dl4jAnswer r = client.reference(regression("050/050_ModelSerializer_Regression_MLP_1.zip"));
    assertEquals(Dl4jAnswer.OK, r.status(), r::toString);
    assertNull(r.layers().get(1).name());
    assertEquals(r.layers().get(1), r.layer("1"));
    assertNull(r.layer("2"));
  }

  /**
   * An archive whose preprocessor.bin and normalizer.bin are not what ModelSerializer would
   * deserialize: the worker never reads them, so DL4J's answer is the untouched archive's.
   */
  @Test
  void entriesModelSerializerWouldDeserializeAreNeverRead(@TempDir Path dir) throws IOException {
    Path original = regression("080/080_ModelSerializer_Regression_CNN_1.zip");
    Path hostile = dir.resolve("hostile.zip");
    try (ZipFile in = new ZipFile(original.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(hostile))) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        out.putNextEntry(new ZipEntry(e.getName()));
        try (InputStream data = in.getInputStream(e)) {
          data.transferTo(out);
        }
        out.closeEntry();
      }
      for (String name : List.of("preprocessor.bin", "normalizer.bin", "objects/evil")) {
        out.putNextEntry(new ZipEntry(name));
        // A Java serialization header followed by garbage: ObjectInputStream would fail (or worse)
        // on it.
        out.write(new byte[] {(byte) 0xac, (byte) 0xed, 0, 5, 0x73, 0x72, 0x7f, 0x7f, 0x7f});
        out.closeEntry();
      }
    }
    Dl4jAnswer expected = client.reference(original);
    Dl4jAnswer r = client.reference(hostile);
    assertEquals(Dl4jAnswer.OK, r.status(), r::toString);
    assertEquals(expected.totalParams(), r.totalParams(), () -> expected + "\n" + r);
  }

  @Test
  void aConfigurationJsonAloneGivesTheArchivesNumbers(@TempDir Path dir) throws IOException {
    Path archive = regression("071/071_ModelSerializer_Regression_CG_LSTM_1.zip");
    Path json = dir.resolve("configuration.json");
    try (ZipFile in = new ZipFile(archive.toFile());
        OutputStream out = Files.newOutputStream(json)) {
      in.getInputStream(in.getEntry("configuration.json")).transferTo(out);
    }
    Dl4jAnswer fromArchive = client.reference(archive);
    Dl4jAnswer fromJson = client.reference(json);
    assertEquals("ComputationGraph", fromJson.modelClass(), fromJson::toString);
    assertEquals(
        fromArchive.totalParams(), fromJson.totalParams(), () -> fromArchive + "\n" + fromJson);
  }

  /**
   * A configuration asking for 7.2 billion parameters (two 60,000-wide dense layers): DL4J's
   * initialisers count them, the network is not built (no 29 GB allocation).
   */
  @Test
  void aHugeConfigurationIsCountedNotBuilt(@TempDir Path dir) throws IOException {
    String configuration;
    try (ZipFile in =
        new ZipFile(regression("080/080_ModelSerializer_Regression_MLP_1.zip").toFile())) {
      configuration =
          new String(
              in.getInputStream(in.getEntry("configuration.json")).readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8);
    }
    Path huge =
        Files.writeString(
            dir.resolve("huge.json"),
            configuration.replaceAll("\"n(in|out)\" : \\d+", "\"n$1\" : 60000"));
    Dl4jAnswer r = client.reference(huge);
    assertEquals(Dl4jAnswer.OK, r.status(), r::toString);
    assertFalse(r.built());
    assertEquals(2 * (60_000L * 60_000L + 60_000L), r.totalParams());
    assertTrue(r.layers().stream().allMatch(l -> l.paramTable().isEmpty()));
  }

  @Test
  void aFileThatIsNoModelIsAnErrorForThatFile(@TempDir Path dir) throws IOException {
    Path text = Files.writeString(dir.resolve("notes.txt"), "not a model");
    Dl4jAnswer r = client.reference(text);
    assertEquals(Dl4jAnswer.ERROR, r.status(), r::toString);
    assertNull(r.totalParams());
    assertEquals(
        Dl4jAnswer.OK,
        client.reference(keras("weights/batch_to_conv2d_tensorflow_1.h5")).status(),
        client::workerStderr);
  }
}
