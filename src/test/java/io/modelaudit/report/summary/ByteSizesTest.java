package io.modelaudit.report.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keras' readable_memory_size; the expected strings are what Python's {@code "{:.2f} {}"} gives
 * (seed_cnn: 1,966 float32 = 7,864 bytes, which Keras 3.15.1 prints as 7.68 KB).
 */
class ByteSizesTest {
  @ParameterizedTest(name = "{0} bytes: {1}")
  @CsvSource({
    "0, 0.00 B",
    "912, 912.00 B",
    "1023, 1023.00 B",
    "1024, 1.00 KB",
    "7864, 7.68 KB",
    "1152, 1.12 KB", // 1.125 exactly: Python rounds half to even
    "1048576, 1.00 MB",
    "553433888, 527.80 MB"
  })
  void keras(long bytes, String expected) {
    assertEquals(expected, ByteSizes.readable(bytes));
  }
}
