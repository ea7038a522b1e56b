package io.modelaudit.formats.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import io.modelaudit.formats.ModelFileException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three header variants of Nd4j.write, on files DL4J wrote. */
class NdArrayHeaderTest {
  private static Path regression(String rel) {
    return TestPaths.corpus().resolve("dl4j-test-resources/regression_testing").resolve(rel);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // JAVACPP: int lengths, INT shape information (0.5.0 – 1.0.0-alpha)
    "050/050_ModelSerializer_Regression_MLP_1.zip, JAVACPP, FLOAT, 41",
    "080/080_ModelSerializer_Regression_CNN_1.zip, JAVACPP, FLOAT, 10184",
    "100a/CustomLayerExample_100a.bin, JAVACPP, DOUBLE, 149",
    // LONG_SHAPE: long lengths, LONG shape information (1.0.0-beta – beta3)
    "100b3/CustomLayerExample_100b3_double.bin, LONG_SHAPE, DOUBLE, 149",
    "100b3/CustomLayerExample_100b3_float.bin, LONG_SHAPE, FLOAT, 149",
    // MIXED_DATA_TYPES: the data type also in the shape's extras (1.0.0-beta4+)
    "100b4/CustomLayerExample_100b4_half.bin, MIXED_DATA_TYPES, HALF, 149",
    "100b6/CustomLayerExample_100b6_double.bin, MIXED_DATA_TYPES, DOUBLE, 149",
    "100b6/SyntheticCNN_100b6.bin, MIXED_DATA_TYPES, FLOAT, 1304",
  })
  void coefficientsOfEveryVersion(String rel, String mode, String type, long length)
      throws IOException {
    try (ZipFile zip = new ZipFile(regression(rel).toFile())) {
      ZipEntry e = zip.getEntry("coefficients.bin");
      NdArrayHeader h;
      try (InputStream in = zip.getInputStream(e)) {
        h = NdArrayHeader.read(in, "coefficients.bin");
      }
      assertEquals(mode, h.allocationMode());
      assertEquals(type, h.dataType());
      assertEquals(length, h.length());
      assertEquals(List.of(1L, length), h.shape());
      assertEquals(
          e.getSize(),
          h.headerBytes() + length * h.elementSize(),
          "header + data = the whole entry");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "100a/GravesLSTMCharModelingExample_Input_100a.bin, JAVACPP, 3",
    "100b3/HouseNumberDetection_Output_100b3.bin, LONG_SHAPE, 4",
    "100b6/SyntheticCNN_Input_100b6.bin, MIXED_DATA_TYPES, 4",
  })
  void plainArrayFiles(String rel, String mode, int rank) throws IOException {
    NdArrayHeader h;
    try (InputStream in = Files.newInputStream(regression(rel))) {
      h = NdArrayHeader.read(in, rel);
    }
    assertEquals(mode, h.allocationMode());
    assertEquals(rank, h.shape().size());
    assertEquals(Files.size(regression(rel)), h.headerBytes() + h.length() * h.elementSize());
  }

  /** ND4J's CompressedDataBuffer.write: the element count follows the algorithm's name. */
  @Test
  void compressedDataBuffer() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeUTF("MIXED_DATA_TYPES");
    out.writeLong(8);
    out.writeUTF("LONG");
    for (long v : new long[] {2, 1, 500, 500, 1, 0x2000, 1, 'c'}) {
      out.writeLong(v);
    }
    out.writeUTF("MIXED_DATA_TYPES");
    out.writeLong(123);
    out.writeUTF("COMPRESSED");
    out.writeUTF("GZIP");
    out.writeLong(123);
    out.writeLong(2000);
    out.writeLong(500);
    NdArrayHeader h = NdArrayHeader.read(new ByteArrayInputStream(bytes.toByteArray()), "x");
    assertEquals("COMPRESSED", h.dataType());
    assertEquals(500, h.length());
  }

  @Test
  void damagedHeadersAreOneClearError() throws IOException {
    byte[] real;
    try (ZipFile zip = new ZipFile(regression("100b6/SyntheticCNN_100b6.bin").toFile());
        InputStream in = zip.getInputStream(zip.getEntry("coefficients.bin"))) {
      real = in.readNBytes(200);
    }
    ModelFileException truncated =
        assertThrows(
            ModelFileException.class,
            () ->
                NdArrayHeader.read(
                    new ByteArrayInputStream(java.util.Arrays.copyOf(real, 40)),
                    "coefficients.bin"));
    assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
    byte[] badMode = real.clone();
    badMode[2] = 'X';
    assertThrows(
        ModelFileException.class,
        () -> NdArrayHeader.read(new ByteArrayInputStream(badMode), "coefficients.bin"));
    ModelFileException notArray =
        assertThrows(
            ModelFileException.class,
            () -> NdArrayHeader.read(new ByteArrayInputStream("{\"confs\": []}".getBytes()), "x"));
    assertTrue(notArray.getMessage().contains("not an ND4J array"), notArray.getMessage());
  }
}
