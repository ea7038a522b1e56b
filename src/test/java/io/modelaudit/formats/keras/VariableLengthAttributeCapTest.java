package io.modelaudit.formats.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The 256 MB cap on model_config counts what a variable-length string claims in the global heap,
 * not only its heap reference (test-models/malformed/make_vlen_attribute.py).
 */
class VariableLengthAttributeCapTest {
  @Test
  void aVariableLengthModelConfigClaimingOneGigabyteIsRefused() {
    String file = "test-models/malformed/vlen_model_config_huge.h5";
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), false, file);
    assertEquals(3, code, err.toString());
    assertEquals(
        "model-audit: " + file + ": attribute model_config is larger than 256 MB\n",
        err.toString().replace(System.lineSeparator(), "\n"));
  }
}
