package io.modelaudit.gate;

import java.util.List;

/**
 * What a baseline or a diff keeps of one model's audit.
 *
 * @param path as the lock records it (relative, '/' separators), or as given for a diff
 * @param sha256 the file's content hash (lower-case hex), or null when unknown (a JSON report)
 * @param framework null when the file does not say
 */
public record ModelSnapshot(
    String path,
    String sha256,
    String format,
    Framework framework,
    Totals totals,
    List<LayerSnapshot> layers) {

  public ModelSnapshot {
    layers = List.copyOf(layers);
  }

  public ModelSnapshot withPath(String value, String hash) {
    return new ModelSnapshot(value, hash, format, framework, totals, layers);
  }

  /** The framework that wrote the file; any part may be null. */
  public record Framework(String name, String version, String backend) {}

  /**
   * The report's totals ({@code stored} null when the file stores no weights; {@code macs} null
   * when the lock or report predates compute costs; {@code weightBytes}, the stored weights' bytes,
   * null when unknown).
   */
  public record Totals(
      long params,
      long trainable,
      long nonTrainable,
      long unverified,
      Long stored,
      boolean complete,
      Long macs,
      Long weightBytes) {
    public Totals(
        long params,
        long trainable,
        long nonTrainable,
        long unverified,
        Long stored,
        boolean complete) {
      this(params, trainable, nonTrainable, unverified, stored, complete, null, null);
    }
  }
}
