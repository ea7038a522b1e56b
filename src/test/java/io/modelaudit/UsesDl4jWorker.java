package io.modelaudit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class or method that starts the real DL4J reference worker (a separate JVM, seconds
 * each): {@code mvn test} runs these in their own Surefire execution, after the others, and {@code
 * -DskipWorkerTests} leaves them out (see pom.xml).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(UsesDl4jWorker.TAG)
public @interface UsesDl4jWorker {
  /** The JUnit tag pom.xml selects on. */
  String TAG = "dl4j-worker";
}
