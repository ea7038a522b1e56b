package io.modelaudit.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.NestedModelKind;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every layer kind the importers can bind has a cost rule: none falls to "no cost rule". */
class CostRulesCoverageTest {

  @Test
  void everyConcreteLayerKindHasACostRule() throws IOException, ClassNotFoundException {
    List<String> missing = new ArrayList<>();
    for (String pkg : List.of("io.modelaudit.ir.layers", "io.modelaudit.ir.layers.dl4j")) {
      Path dir = Path.of("src/main/java").resolve(pkg.replace('.', '/'));
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          String name = f.getFileName().toString().replace(".java", "");
          Class<?> c = Class.forName(pkg + "." + name);
          if (LayerKind.class.isAssignableFrom(c)
              && !c.isInterface()
              && !Modifier.isAbstract(c.getModifiers())
              && !CostRules.covered().contains(c)) {
            missing.add(name);
          }
        }
      }
    }
    if (!CostRules.covered().contains(NestedModelKind.class)) {
      missing.add("NestedModelKind");
    }
    assertEquals(List.of(), missing, "layer kinds without a cost rule");
  }
}
