package io.modelaudit.bench;

import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.detect.FormatDetector;
import io.modelaudit.detect.ModelFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Random damage over the Keras 3 archive, architecture JSON and TF.js forms: each seed file is
 * truncated, has bytes flipped, or gets pieces of another seed spliced in (for archives also inside
 * one entry, rewritten into a valid zip, so the damage reaches config.json and model.weights.h5),
 * then audited in this JVM with a time limit. Counts internal errors (exceptions escaping {@link
 * ModelAuditor#audit}), timeouts and the slowest case; the files that failed are kept in the output
 * folder to replay. Run with bench/fuzz (not part of the tests).
 *
 * <p>Arguments: OUT_DIR CASES_PER_SEED SEED TIMEOUT_SECONDS ROOT...
 */
public final class DamageFuzz {
  private static final Set<ModelFormat> FORMS =
      Set.of(ModelFormat.KERAS_V3, ModelFormat.KERAS_JSON, ModelFormat.TFJS_LAYERS);

  private DamageFuzz() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int perSeed = Integer.parseInt(args[1]);
    Random random = new Random(Long.parseLong(args[2]));
    long timeoutMs = Long.parseLong(args[3]) * 1000;
    List<Path> seeds = new ArrayList<>();
    for (int i = 4; i < args.length; i++) {
      try (Stream<Path> walk = Files.walk(Path.of(args[i]))) {
        for (Path p : walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
          if (Files.size(p) <= 64 << 20 && FORMS.contains(FormatDetector.detect(p))) {
            seeds.add(p);
          }
        }
      }
    }
    Files.createDirectories(out);
    List<byte[]> contents = new ArrayList<>();
    for (Path s : seeds) {
      contents.add(Files.readAllBytes(s));
    }
    ModelAuditor auditor = new ModelAuditor(Map.of());
    ExecutorService worker = newWorker();
    Map<String, Integer> internal = new LinkedHashMap<>();
    Map<String, Integer> outcomes = new LinkedHashMap<>();
    int cases = 0;
    int timeouts = 0;
    long slowest = 0;
    String slowestCase = "";
    for (int s = 0; s < seeds.size(); s++) {
      Path seed = seeds.get(s);
      String ext = seed.getFileName().toString().replaceAll("^.*(\\.[^.]+)$", "$1");
      for (int c = 0; c < perSeed; c++) {
        String kind;
        byte[] damaged;
        boolean zip =
            contents.get(s).length > 1 && contents.get(s)[0] == 'P' && contents.get(s)[1] == 'K';
        int choice = random.nextInt(5);
        switch (choice) {
          case 0:
            kind = "truncate";
            damaged = Arrays.copyOf(contents.get(s), random.nextInt(contents.get(s).length));
            break;
          case 1:
            kind = "flip";
            damaged = flip(contents.get(s), random);
            break;
          case 2:
            kind = "splice";
            damaged =
                splice(contents.get(s), contents.get(random.nextInt(contents.size())), random);
            break;
          case 3:
            kind = zip ? "entry" : "numbers";
            damaged =
                zip
                    ? damageEntry(contents.get(s), contents, random)
                    : mutateNumbers(contents.get(s), random);
            break;
          default:
            kind = "values";
            damaged =
                zip
                    ? damageEntry(contents.get(s), contents, random)
                    : mutateValues(contents.get(s), random);
            break;
        }
        String name = String.format("case_%03d_%04d_%s%s", s, c, kind, ext);
        Path file = out.resolve(name);
        Files.write(file, damaged);
        cases++;
        long start = System.nanoTime();
        Future<String> result =
            worker.submit(
                () -> {
                  var report = auditor.audit(file);
                  // A bug caught and shown as a finding or an error is still a bug: its message
                  // names a Java exception.
                  String leaked =
                      report.findings().stream()
                          .map(f -> f.message())
                          .filter(DamageFuzz::namesJavaException)
                          .findFirst()
                          .orElse(
                              report.error() != null && namesJavaException(report.error().message())
                                  ? report.error().message()
                                  : null);
                  if (leaked != null) {
                    return "leaked:" + leaked;
                  }
                  return report.error() == null ? "audited" : "error:" + report.error().kind();
                });
        try {
          String outcome = result.get(timeoutMs, TimeUnit.MILLISECONDS);
          if (outcome.startsWith("leaked:")) {
            internal.merge(outcome.replaceAll("\\d+", "N"), 1, Integer::sum);
            System.out.println("LEAKED " + file + " (seed " + seed + "): " + outcome);
            outcome = "leaked";
          } else {
            Files.delete(file);
          }
          outcomes.merge(outcome, 1, Integer::sum);
        } catch (TimeoutException e) {
          timeouts++;
          result.cancel(true);
          worker.shutdownNow();
          worker = newWorker();
          System.out.println("TIMEOUT " + file + " (seed " + seed + ")");
        } catch (java.util.concurrent.ExecutionException e) {
          Throwable t = e.getCause();
          StackTraceElement top = t.getStackTrace().length > 0 ? t.getStackTrace()[0] : null;
          String key = t.getClass().getName() + " at " + top;
          internal.merge(key, 1, Integer::sum);
          System.out.println("INTERNAL " + file + " (seed " + seed + "): " + t);
        }
        long took = System.nanoTime() - start;
        if (took > slowest) {
          slowest = took;
          slowestCase = name + " (seed " + seed + ")";
        }
      }
    }
    worker.shutdownNow();
    System.out.printf("seeds: %d, cases: %d, outcomes: %s%n", seeds.size(), cases, outcomes);
    System.out.printf(
        "internal errors (escaped, or shown as a Java exception in a message): %d, timeouts: %d%n",
        internal.values().stream().mapToInt(Integer::intValue).sum(), timeouts);
    internal.forEach((k, v) -> System.out.println("  " + v + " × " + k));
    System.out.printf("slowest: %.0f ms, %s%n", slowest / 1e6, slowestCase);
  }

  private static boolean namesJavaException(String message) {
    return message != null
        && (message.contains("java.")
            || message.contains("Exception")
            || message.contains("Error:"));
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(null, r, "fuzz-worker", 64L * 1024 * 1024);
          t.setDaemon(true);
          return t;
        });
  }

  private static byte[] flip(byte[] data, Random random) {
    byte[] out = data.clone();
    if (out.length == 0) {
      return out;
    }
    int n = 1 + random.nextInt(16);
    for (int i = 0; i < n; i++) {
      int at = random.nextInt(out.length);
      out[at] = random.nextBoolean() ? (byte) random.nextInt(256) : interesting(random);
    }
    return out;
  }

  /** Bytes that JSON and binary parsers treat specially. */
  private static byte interesting(Random random) {
    byte[] choices = {
      '"', '[', ']', '{', '}', ',', ':', '-', '9', '0', 'e', '\\', 0, (byte) 0xff, 0x7f, (byte) 0x80
    };
    return choices[random.nextInt(choices.length)];
  }

  /**
   * A piece of {@code donor} (possibly the same file) overwrites or is inserted into {@code data}.
   */
  private static byte[] splice(byte[] data, byte[] donor, Random random) {
    if (data.length == 0 || donor.length == 0) {
      return data.clone();
    }
    int from = random.nextInt(donor.length);
    int len = Math.min(donor.length - from, 1 + random.nextInt(Math.min(donor.length, 4096)));
    int at = random.nextInt(data.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + len);
    out.write(data, 0, at);
    out.write(donor, from, len);
    int resume = random.nextBoolean() ? at : Math.min(data.length, at + len);
    out.write(data, resume, data.length - resume);
    return out.toByteArray();
  }

  /**
   * Damages one entry of a zip and writes a valid zip again (model.weights.h5 stored, as Keras
   * does).
   */
  private static byte[] damageEntry(byte[] zip, List<byte[]> donors, Random random)
      throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries.put(e.getName(), in.readNBytes(64 << 20));
      }
    } catch (IOException e) {
      return flip(zip, random); // a seed that is itself a damaged archive
    }
    if (entries.isEmpty()) {
      return flip(zip, random);
    }
    List<String> names = new ArrayList<>(entries.keySet());
    String victim = names.get(random.nextInt(names.size()));
    byte[] data = entries.get(victim);
    switch (random.nextInt(4)) {
      case 0:
        data = Arrays.copyOf(data, data.length == 0 ? 0 : random.nextInt(data.length));
        break;
      case 1:
        data = flip(data, random);
        break;
      case 2:
        data = splice(data, donors.get(random.nextInt(donors.size())), random);
        break;
      default:
        data =
            !victim.endsWith(".json")
                ? flip(data, random)
                : random.nextBoolean() ? mutateNumbers(data, random) : mutateValues(data, random);
        break;
    }
    entries.put(victim, data);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        if (e.getKey().endsWith(".h5")) {
          CRC32 crc = new CRC32();
          crc.update(e.getValue());
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(e.getValue().length);
          entry.setCrc(crc.getValue());
        }
        out.putNextEntry(entry);
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /**
   * Parses the JSON and replaces a few values anywhere in the tree by values of another type or
   * extreme ones, or by a copy of another subtree, so that the damage reaches the layer readers.
   */
  private static byte[] mutateValues(byte[] json, Random random) {
    com.fasterxml.jackson.databind.ObjectMapper mapper =
        new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (IOException e) {
      return flip(json, random);
    }
    List<com.fasterxml.jackson.databind.JsonNode> containers = new ArrayList<>();
    collectContainers(root, containers);
    if (containers.isEmpty()) {
      return flip(json, random);
    }
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      com.fasterxml.jackson.databind.JsonNode target =
          containers.get(random.nextInt(containers.size()));
      com.fasterxml.jackson.databind.JsonNode value = randomValue(containers, random, mapper);
      if (target instanceof com.fasterxml.jackson.databind.node.ObjectNode && target.size() > 0) {
        com.fasterxml.jackson.databind.node.ObjectNode o =
            (com.fasterxml.jackson.databind.node.ObjectNode) target;
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        String key = keys.get(random.nextInt(keys.size()));
        if (random.nextInt(6) == 0) {
          o.remove(key);
        } else {
          o.set(key, value);
        }
      } else if (target instanceof com.fasterxml.jackson.databind.node.ArrayNode
          && target.size() > 0) {
        com.fasterxml.jackson.databind.node.ArrayNode a =
            (com.fasterxml.jackson.databind.node.ArrayNode) target;
        int at = random.nextInt(a.size());
        switch (random.nextInt(3)) {
          case 0:
            a.remove(at);
            break;
          case 1:
            a.insert(at, value);
            break;
          default:
            a.set(at, value);
            break;
        }
      }
    }
    try {
      return mapper.writeValueAsBytes(root);
    } catch (IOException e) {
      return json.clone();
    }
  }

  private static void collectContainers(
      com.fasterxml.jackson.databind.JsonNode node,
      List<com.fasterxml.jackson.databind.JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      node.forEach(child -> collectContainers(child, out));
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode randomValue(
      List<com.fasterxml.jackson.databind.JsonNode> containers,
      Random random,
      com.fasterxml.jackson.databind.ObjectMapper mapper) {
    var f = mapper.getNodeFactory();
    switch (random.nextInt(12)) {
      case 0:
        return f.nullNode();
      case 1:
        return f.numberNode(-1);
      case 2:
        return f.numberNode(0);
      case 3:
        return f.numberNode(Long.MAX_VALUE);
      case 4:
        return f.numberNode(new java.math.BigInteger("99999999999999999999999"));
      case 5:
        return f.numberNode(1.5);
      case 6:
        return f.textNode(random.nextBoolean() ? "" : "same");
      case 7:
        return f.booleanNode(random.nextBoolean());
      case 8:
        return f.arrayNode();
      case 9:
        return f.objectNode();
      case 10:
        return f.numberNode(random.nextInt(5000));
      default:
        return containers.get(random.nextInt(containers.size())).deepCopy();
    }
  }

  /** Replaces a few numbers in a JSON text by extreme ones. */
  private static byte[] mutateNumbers(byte[] json, Random random) {
    String[] extremes = {
      "-1",
      "0",
      "9223372036854775807",
      "9223372036854775808",
      "-9223372036854775808",
      "1e308",
      "4294967296",
      "2147483648",
      "1.5",
      "null",
      "[]",
      "{}",
      "\"x\""
    };
    String text = new String(json, StandardCharsets.UTF_8);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?<![\\w.\"])\\d+(?![\\w.\"])").matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, random.nextInt(8) == 0 ? extremes[random.nextInt(extremes.length)] : m.group());
    }
    m.appendTail(out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
