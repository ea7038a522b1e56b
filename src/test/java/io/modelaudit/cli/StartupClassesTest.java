package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default path (one model, the text table) reads no annotations and makes no dynamic proxies: a
 * JVM of its own runs Main on the seed model and logs every class it loads.
 *
 * <p>{@code sun.reflect.annotation.AnnotationParser} itself is allowed: the JDK loads it at the
 * first use of {@code java.util.stream} ({@code StreamOpFlag} builds {@code EnumMap}s, whose enum
 * constants {@code Class.getEnumConstantsShared} gets by invoking {@code values()} reflectively,
 * which asks the JDK's own method for {@code @CallerSensitive}). An annotation actually read would
 * load {@code AnnotationType} and {@code AnnotationInvocationHandler}, a proxy class.
 */
class StartupClassesTest {
  @TempDir Path dir;

  @Test
  void theDefaultPathLoadsNoPicocliNoAnnotationsAndNoProxies() throws Exception {
    Path log = dir.resolve("classes.log");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off",
                "-Xlog:class+load:file=" + log,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                TestPaths.kerasModels().resolve("seed_cnn.h5").toString())
            .redirectOutput(dir.resolve("out").toFile())
            .redirectError(dir.resolve("err").toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run did not end");
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err")));
    assertTrue(Files.readString(dir.resolve("out")).contains("Total params: 1,966"));
    List<String> loaded =
        Files.readAllLines(log).stream()
            .filter(l -> l.contains("[class,load] "))
            .map(l -> l.substring(l.indexOf("[class,load] ") + 13).split(" ")[0])
            .toList();
    assertTrue(loaded.contains(ArgsParser.class.getName()), "the log names the classes");
    List<String> reflective =
        loaded.stream()
            .filter(
                c ->
                    c.contains("picocli")
                        || (c.startsWith("sun.reflect.annotation.")
                            && !c.equals("sun.reflect.annotation.AnnotationParser"))
                        || c.startsWith("jdk.proxy")
                        || c.contains("$Proxy")
                        || c.startsWith("java.lang.reflect.Proxy")
                        || c.contains("GeneratedMethodAccessor")
                        || c.contains("GeneratedConstructorAccessor"))
            .toList();
    assertEquals(List.of(), reflective);
  }
}
