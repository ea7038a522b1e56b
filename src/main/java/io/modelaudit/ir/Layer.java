package io.modelaudit.ir;

import io.modelaudit.ir.layers.TimeDistributedKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layer as the file describes it. {@code kind} is null when no rule applies; then {@code problem}
 * says why.
 *
 * @param name the layer's name in the model
 * @param className the class name as written in the file
 * @param problem why there is no kind: no rule for the class, or (when {@code invalidConfig}) a
 *     configuration the rule cannot read
 * @param invalidConfig the class has a rule but its configuration is malformed
 * @param provenance where the layer's configuration was found (a JSON pointer)
 * @param hidden true for the input of a Sequential model (implicit, or listed in its config):
 *     frameworks do not count it among the model's layers, so reports leave it out
 * @param trainable false for a frozen layer: all its weights count as non-trainable
 * @param identity equal for two entries that are one layer object (a layer used both in a model and
 *     in a model nested in it is written twice, with the same name and configuration); its weights
 *     are counted once
 * @param activation the activation function as the configuration names it (Keras {@code "relu"},
 *     DL4J {@code "ActivationReLU"}), or null when the layer has none or the file does not say
 * @param settings the configuration values as the file writes them, by key in file order (see
 *     {@code formats.LayerSettings}): strings, whole numbers (Long), other numbers (Double),
 *     booleans, nulls and lists of them; empty when the file gives none
 */
public record Layer(
    String name,
    String className,
    LayerKind kind,
    String problem,
    boolean invalidConfig,
    List<Call> calls,
    String provenance,
    boolean hidden,
    boolean trainable,
    String identity,
    String activation,
    Map<String, Object> settings) {

  public Layer {
    calls = List.copyOf(calls);
    settings =
        settings == null || settings.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  public Layer(
      String name,
      String className,
      LayerKind kind,
      String problem,
      boolean invalidConfig,
      List<Call> calls,
      String provenance,
      boolean hidden,
      boolean trainable,
      String identity) {
    this(
        name,
        className,
        kind,
        problem,
        invalidConfig,
        calls,
        provenance,
        hidden,
        trainable,
        identity,
        null,
        Map.of());
  }

  public static Layer of(
      String name, String className, LayerKind kind, List<Call> calls, String provenance) {
    return new Layer(
        name, className, kind, null, false, calls, provenance, false, true, provenance);
  }

  public static Layer unsupported(
      String name, String className, String reason, List<Call> calls, String provenance) {
    return new Layer(
        name, className, null, reason, false, calls, provenance, false, true, provenance);
  }

  public static Layer invalid(
      String name, String className, String problem, List<Call> calls, String provenance) {
    return new Layer(
        name, className, null, problem, true, calls, provenance, false, true, provenance);
  }

  public Layer asHidden() {
    return new Layer(
        name,
        className,
        kind,
        problem,
        invalidConfig,
        calls,
        provenance,
        true,
        trainable,
        identity,
        activation,
        settings);
  }

  public Layer withTrainable(boolean value) {
    return new Layer(
        name,
        className,
        kind,
        problem,
        invalidConfig,
        calls,
        provenance,
        hidden,
        value,
        identity,
        activation,
        settings);
  }

  public Layer withIdentity(String value) {
    return new Layer(
        name,
        className,
        kind,
        problem,
        invalidConfig,
        calls,
        provenance,
        hidden,
        trainable,
        value,
        activation,
        settings);
  }

  public Layer withActivation(String value) {
    return new Layer(
        name,
        className,
        kind,
        problem,
        invalidConfig,
        calls,
        provenance,
        hidden,
        trainable,
        identity,
        value,
        settings);
  }

  public Layer withSettings(Map<String, Object> value) {
    return new Layer(
        name,
        className,
        kind,
        problem,
        invalidConfig,
        calls,
        provenance,
        hidden,
        trainable,
        identity,
        activation,
        value);
  }

  public boolean supported() {
    return kind != null;
  }

  /** The model this layer runs: a nested model, or one wrapped in TimeDistributed; else null. */
  public NestedModelKind nestedModel() {
    LayerKind k = kind instanceof TimeDistributedKind ? ((TimeDistributedKind) kind).inner() : kind;
    return k instanceof NestedModelKind ? (NestedModelKind) k : null;
  }

  /** The graph inside {@link #nestedModel()}, or null. */
  public ModelGraph body() {
    return nestedModel() == null ? null : nestedModel().body();
  }

  /** True when the nested model runs once per time step (TimeDistributed of a model). */
  public boolean timeDistributed() {
    return kind instanceof TimeDistributedKind && nestedModel() != null;
  }
}
