import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.deeplearning4j.zoo.model.VGG16;

/**
 * Deeplearning4j alone, as a user would check a model with it, timed as a whole process by the
 * side-by-side benchmark (bench/compare/run): a Deeplearning4j zip is restored with {@code
 * ModelSerializer} (weights included), a Keras HDF5 file is imported with {@code
 * KerasModelImport} (weights included, training configuration not enforced), and the network's
 * {@code summary()} is printed. Folders are searched for such files; other files are left out.
 *
 * <pre>
 * java -cp DL4J-CLASSPATH Dl4jTiming.java PATH...   summaries on stdout; "# read N of M files" last on stderr
 * java -cp DL4J-CLASSPATH Dl4jTiming --write-vgg16 OUT.zip   DL4J's zoo VGG16, random weights, saved by ModelSerializer
 * </pre>
 *
 * Not part of model-audit: compiled by the benchmark against the DL4J reference worker's classpath.
 */
public final class Dl4jTiming {
  private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  /** Seconds on one file before giving up on it: -Dlimit=SECONDS, default 60. */
  private static final long LIMIT_SECONDS = Long.getLong("limit", 60);
  private static final ExecutorService EACH_FILE =
      Executors.newSingleThreadExecutor(
          r -> {
            // DL4J's Keras import recurses deeply on large graphs.
            Thread t = new Thread(null, r, "dl4j", 512L << 20);
            t.setDaemon(true);
            return t;
          });

  private Dl4jTiming() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
    if (args.length == 2 && args[0].equals("--write-vgg16")) {
      ComputationGraph vgg16 = VGG16.builder().numClasses(1000).build().init();
      ModelSerializer.writeModel(vgg16, new java.io.File(args[1]), false);
      System.exit(0);
    }
    List<Path> files = new ArrayList<>();
    int from = 0;
    if (args.length >= 2 && args[0].equals("--from")) {
      from = Integer.parseInt(args[1]);
      args = Arrays.copyOfRange(args, 2, args.length);
    }
    for (String arg : args) {
      Path path = Path.of(arg);
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
      } else {
        files.add(path);
      }
    }
    int tried = 0;
    int read = 0;
    for (Path file : files) {
      byte[] head = head(file);
      boolean keras = startsWith(head, HDF5);
      boolean dl4j = startsWith(head, ZIP) && hasEntry(file, "configuration.json");
      if (!keras && !dl4j) {
        continue;
      }
      tried++;
      if (tried <= from) {
        continue;
      }
      System.err.println("# at " + (tried - 1) + " " + file);
      Future<String> summary =
          EACH_FILE.submit(() -> keras ? importKeras(file) : restore(file));
      try {
        System.out.println(summary.get(LIMIT_SECONDS, TimeUnit.SECONDS));
        read++;
      } catch (TimeoutException e) {
        // DL4J's own work on one file (its weight initialisation, say) can take many minutes: the
        // benchmark starts this program again after that file.
        System.err.println("# gave up after " + LIMIT_SECONDS + " s on " + file);
        System.exit(124);
      } catch (ExecutionException wrapped) {
        Throwable e = wrapped.getCause();
        String message = String.valueOf(e.getMessage());
        System.err.println(
            file + ": " + e.getClass().getSimpleName() + ": " + message.substring(0, Math.min(200, message.length())));
      }
    }
    System.err.println("# read " + read + " of " + (tried - from) + " files");
    // ND4J's native threads would otherwise keep the JVM alive for a while.
    System.exit(read == tried - from ? 0 : 1);
  }

  private static String importKeras(Path file) throws Exception {
    try {
      return KerasModelImport.importKerasModelAndWeights(file.toString(), false).summary();
    } catch (Exception functional) {
      // A Sequential model has its own entry point; which one applies is in the file's config.
      try {
        return KerasModelImport.importKerasSequentialModelAndWeights(file.toString(), false).summary();
      } catch (Exception sequential) {
        throw functional.getMessage() != null && functional.getMessage().contains("Sequential") ? sequential : functional;
      }
    }
  }

  private static String restore(Path file) throws IOException {
    String configuration;
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry entry = zip.getEntry("configuration.json");
      try (InputStream in = zip.getInputStream(entry)) {
        configuration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    if (configuration.contains("\"vertices\"")) {
      return ModelSerializer.restoreComputationGraph(file.toFile(), false).summary();
    }
    MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
    return network.summary();
  }

  private static boolean hasEntry(Path file, String name) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      return zip.getEntry(name) != null;
    } catch (IOException e) {
      return false;
    }
  }

  private static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(8);
    }
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
  }
}
