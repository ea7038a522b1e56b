package io.modelaudit.reference.dl4j;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Where the DL4J reference worker is and how to start it. It is built separately ({@code
 * dl4j-reference/}, its own Maven project) so that this tool never loads DL4J: its build leaves
 * {@code model-audit-dl4j-reference.jar} and {@code classpath.txt} (the jars it needs, in the local
 * Maven repository) in {@code dl4j-reference/target}. {@code scripts/install} copies both, with the
 * jars, into {@code dl4j-worker/} beside an installed {@code model-audit.jar}; there {@code
 * classpath.txt} lists them relative to that folder.
 *
 * <p>The worker's folder is, in this order: {@value #HOME_PROPERTY} or {@value #HOME_ENV} when set;
 * {@code dl4j-worker/} beside the jar this tool runs from; {@code dl4j-reference/target} of the
 * checkout the jar was built in ({@code target/model-audit.jar}).
 */
public final class Dl4jWorker {
  /** Overrides the folder holding the worker's jar and classpath file. */
  public static final String HOME_PROPERTY = "modelaudit.dl4j.home";

  public static final String HOME_ENV = "MODEL_AUDIT_DL4J_HOME";
  static final String JAR = "model-audit-dl4j-reference.jar";
  static final String CLASSPATH = "classpath.txt";
  static final String ARCHIVE = "model-audit-dl4j-reference.jsa";
  static final String MAIN = "io.modelaudit.dl4j.ReferenceWorker";
  static final String INSTALLED_FOLDER = "dl4j-worker";

  private Dl4jWorker() {}

  /** The worker is not built, or not where this tool looks for it. */
  public static final class UnavailableException extends Exception {
    UnavailableException(String message) {
      super(message);
    }
  }

  /** The command that starts a worker reading paths on its standard input. */
  public static List<String> command() throws UnavailableException {
    return command(home());
  }

  /** The command that starts the worker kept in {@code home}. */
  static List<String> command(Path home) throws UnavailableException {
    Path jar = home.resolve(JAR);
    Path classpath = home.resolve(CLASSPATH);
    if (!Files.isRegularFile(jar) || !Files.isRegularFile(classpath)) {
      throw new UnavailableException(
          "the DL4J reference worker is not built (no "
              + jar
              + "); build it with"
              + " dl4j-reference/build-if-stale in the model-audit checkout (the launcher does it for --reference dl4j|all), or set "
              + HOME_ENV);
    }
    String dependencies;
    try {
      dependencies = resolve(home, Files.readString(classpath, StandardCharsets.UTF_8).strip());
    } catch (IOException | InvalidPathException e) {
      throw new UnavailableException("cannot read " + classpath + ": " + e.getMessage());
    }
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(javaBin.toString());
    // Start-up (docs/benchmarks.md): the JIT's first tier, the serial collector and, when its build
    // wrote one, the worker's class-data archive (dl4j-reference/class-data-archive, which uses
    // these same options), ignored without a word when it does not match this JVM or these jars.
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    Path archive = home.resolve(ARCHIVE);
    if (Files.isRegularFile(archive)) {
      command.addAll(
          List.of(
              "-XX:SharedArchiveFile=" + archive,
              "-Xshare:auto",
              "-Xlog:cds=off",
              "-Xlog:cds+dynamic=off",
              // at the address it was written for, not moved and patched (the launcher says why)
              "-XX:+UnlockDiagnosticVMOptions",
              "-XX:ArchiveRelocationMode=0"));
    }
    // Bounded memory: a configuration may ask for any number of parameters (the worker builds at
    // most 2 GiB of them).
    command.addAll(
        List.of(
            "-Xss64m",
            "-Xmx1g",
            "-Dorg.bytedeco.javacpp.maxbytes=4g",
            "-Dorg.bytedeco.javacpp.maxphysicalbytes=6g",
            "-Dorg.bytedeco.javacpp.logger=slf4j",
            "-cp",
            jar + File.pathSeparator + dependencies,
            MAIN,
            "--batch"));
    return List.copyOf(command);
  }

  /** The classpath file's entries, those relative to {@code home} made absolute. */
  private static String resolve(Path home, String listed) {
    StringJoiner entries = new StringJoiner(File.pathSeparator);
    for (String entry : listed.split(Pattern.quote(File.pathSeparator))) {
      if (!entry.isEmpty()) {
        entries.add(Path.of(entry).isAbsolute() ? entry : home.resolve(entry).toString());
      }
    }
    return entries.toString();
  }

  private static Path home() throws UnavailableException {
    String configured = System.getProperty(HOME_PROPERTY, System.getenv(HOME_ENV));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    try {
      // This tool runs from target/model-audit.jar (or target/classes in tests), or from an
      // installed model-audit.jar.
      Path codeSource =
          Path.of(Dl4jWorker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return besideCode(codeSource.toAbsolutePath());
    } catch (URISyntaxException | RuntimeException e) {
      throw new UnavailableException("cannot tell where model-audit is installed; set " + HOME_ENV);
    }
  }

  /**
   * The worker's folder for code at {@code codeSource}: the installed one beside it when there is
   * one, else the checkout's.
   */
  static Path besideCode(Path codeSource) {
    Path folder = codeSource.getParent();
    Path installed = folder.resolve(INSTALLED_FOLDER);
    if (Files.isRegularFile(installed.resolve(JAR))) {
      return installed;
    }
    return folder.getParent().resolve("dl4j-reference").resolve("target");
  }
}
