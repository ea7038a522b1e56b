package io.modelaudit.bench;

import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.detect.FormatDetector;
import io.modelaudit.report.ModelReport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Measures auditing throughput on a folder of real models, every file the tool detects as a model
 * (default: the shared Keras corpus): warm-up rounds, then timed rounds in one JVM. Run with
 * bench/corpus (not part of the tests).
 */
public final class CorpusBenchmark {
  private CorpusBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path root =
        Path.of(
            args.length > 0 ? args[0] : "../shared/corpus/dl4j-test-resources/modelimport/keras");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(CorpusBenchmark::isModel)
              .sorted()
              .collect(Collectors.toList());
    }
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
    }
    ModelAuditor auditor = new ModelAuditor(Map.of());
    for (int i = 0; i < 2; i++) {
      files.forEach(auditor::audit);
    }
    List<Long> perFile = new ArrayList<>();
    long start = System.nanoTime();
    int audited = 0;
    for (int r = 0; r < rounds; r++) {
      for (Path f : files) {
        long t = System.nanoTime();
        ModelReport report = auditor.audit(f);
        perFile.add(System.nanoTime() - t);
        if (report.error() == null) {
          audited++;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] sorted = perFile.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "files: %d (%.1f MB), rounds: %d, audited per round: %d%n",
        files.size(), bytes / 1e6, rounds, audited / rounds);
    System.out.printf(
        "throughput: %.0f files/s, %.1f MB/s%n",
        files.size() * rounds / seconds, bytes * rounds / 1e6 / seconds);
    System.out.printf(
        "per file: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("peak heap (sum of pools): %.0f MB%n", peakHeap / 1e6);
  }

  private static boolean isModel(Path file) {
    try {
      return FormatDetector.detect(file).isModel();
    } catch (IOException e) {
      return false;
    }
  }

  private static double percentile(long[] sorted, double q) {
    int i = (int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)));
    return sorted[i] / 1e6;
  }
}
