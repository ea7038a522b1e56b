package io.modelaudit.install;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A stand-in for {@code target/model-audit.jar} in a checkout laid out by a test: a jar holding
 * only a manifest, the tool's main class and this test run's classpath, so that the real launcher
 * runs the classes under test without building anything.
 */
public final class ManifestOnlyJar {
  private ManifestOnlyJar() {}

  public static void write(Path jar) throws IOException {
    StringBuilder classPath = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        classPath.append(Path.of(entry).toAbsolutePath().toUri()).append(' ');
      }
    }
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(Attributes.Name.MAIN_CLASS, "io.modelaudit.cli.Main");
    main.put(Attributes.Name.CLASS_PATH, classPath.toString().strip());
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream unused = new JarOutputStream(out, manifest)) {
      // The manifest is the whole jar.
    }
  }
}
