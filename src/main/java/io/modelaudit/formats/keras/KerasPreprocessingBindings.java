package io.modelaudit.formats.keras;

import static io.modelaudit.formats.keras.KerasLayerBindings.register;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.layers.CategoryCrossingKind;
import io.modelaudit.ir.layers.EncodingKind;
import io.modelaudit.ir.layers.EncodingKind.Placement;
import io.modelaudit.ir.layers.IdentityKind;
import io.modelaudit.ir.layers.MelSpectrogramKind;
import io.modelaudit.ir.layers.PipelineKind;
import io.modelaudit.ir.layers.RandomCropKind;
import io.modelaudit.ir.layers.StftSpectrogramKind;
import io.modelaudit.ir.layers.TextVectorizationKind;
import io.modelaudit.ir.layers.UnknownAxisKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras 3's preprocessing and augmentation layers (keras.layers, 3.15.1) and the tf.keras 2.x
 * {@code experimental.preprocessing} names. None owns weights except STFTSpectrogram; the random
 * ones hold a seed generator state that Keras neither counts nor saves.
 */
final class KerasPreprocessingBindings {
  private KerasPreprocessingBindings() {}

  static void registerAll() {
    // compute_output_shape returns the input shape (Keras 3.15.1; MaxNumBoundingBoxes changes only
    // bounding-box dictionaries, which a model's tensors are not).
    register(
        IdentityKind.class,
        a -> IdentityKind.INSTANCE,
        "AugMix",
        "AutoContrast",
        "ContrastLimitedAdaptiveHistogramEqualization",
        "CutMix",
        "Equalization",
        "MaxNumBoundingBoxes",
        "MixUp",
        "RandAugment",
        "RandomBrightness",
        "RandomColorDegeneration",
        "RandomColorJitter",
        "RandomContrast",
        "RandomElasticTransform",
        "RandomErasing",
        "RandomFlip",
        "RandomGaussianBlur",
        "RandomGrayscale",
        "RandomHue",
        "RandomInvert",
        "RandomPerspective",
        "RandomPosterization",
        "RandomRotation",
        "RandomSaturation",
        "RandomSharpness",
        "RandomShear",
        "RandomTranslation",
        "RandomZoom",
        "Solarization");
    register(
        RandomCropKind.class,
        a -> new RandomCropKind(a.requireLong("height"), a.requireLong("width"), a.dataFormat()),
        "RandomCrop");
    register(EncodingKind.class, KerasPreprocessingBindings::categoryEncoding, "CategoryEncoding");
    register(EncodingKind.class, KerasPreprocessingBindings::discretization, "Discretization");
    register(EncodingKind.class, KerasPreprocessingBindings::hashing, "Hashing");
    register(EncodingKind.class, KerasPreprocessingBindings::hashedCrossing, "HashedCrossing");
    register(
        EncodingKind.class, KerasPreprocessingBindings::lookup, "IntegerLookup", "StringLookup");
    register(
        TextVectorizationKind.class,
        KerasPreprocessingBindings::textVectorization,
        "TextVectorization");
    register(
        MelSpectrogramKind.class,
        a ->
            new MelSpectrogramKind(
                a.getLong(128, "num_mel_bins"), a.getLong(512, "sequence_stride")),
        "MelSpectrogram");
    register(StftSpectrogramKind.class, KerasPreprocessingBindings::stft, "STFTSpectrogram");
    register(PipelineKind.class, KerasPreprocessingBindings::pipeline, "Pipeline");
    // tf.keras 2.x names Keras 3 dropped. tf.keras writes a class's own name whether it was made
    // as keras.layers.X or keras.layers.experimental.preprocessing.X (the export path is not
    // saved), so these are the only new spellings. PreprocessingLayer is an abstract base: a file
    // names it only through a user's subclass, which keeps no rule.
    register(UnknownAxisKind.class, a -> new UnknownAxisKind(-3), "RandomHeight");
    register(UnknownAxisKind.class, a -> new UnknownAxisKind(-2), "RandomWidth");
    register(CategoryCrossingKind.class, a -> new CategoryCrossingKind(), "CategoryCrossing");
  }

  private static String mode(KerasArgs a, String dflt) {
    return a.getString(dflt, "output_mode");
  }

  private static EncodingKind categoryEncoding(KerasArgs a) {
    String mode = mode(a, "multi_hot");
    // tf.keras 2.3-2.5 called num_tokens max_tokens.
    Long depth =
        a.has("num_tokens", "max_tokens") && a.get("num_tokens", "max_tokens").isNumber()
            ? a.requireLong("num_tokens", "max_tokens")
            : null;
    return new EncodingKind(
        "one_hot".equals(mode) ? Placement.ONE_HOT : requireCounting(mode), depth, 1);
  }

  private static EncodingKind discretization(KerasArgs a) {
    String mode = mode(a, "int");
    Long depth;
    JsonNode bounds = a.get("bin_boundaries");
    if (bounds != null && bounds.isArray()) {
      depth = (long) bounds.size() + 1;
    } else {
      depth = a.isExplicitNull("num_bins") || !a.has("num_bins") ? null : a.requireLong("num_bins");
    }
    switch (mode) {
      case "int":
        return new EncodingKind(Placement.SAME, depth, 1);
      case "one_hot":
        return new EncodingKind(Placement.ONE_HOT, depth, 1);
      case "multi_hot":
      case "count":
        return new EncodingKind(Placement.DROP_SECOND, depth, 1);
      default:
        throw new KerasConfigException("unknown output_mode '" + mode + "'");
    }
  }

  private static EncodingKind hashing(KerasArgs a) {
    String mode = mode(a, "int");
    long bins = a.requireLong("num_bins");
    if ("int".equals(mode)) {
      return new EncodingKind(Placement.SAME, bins, 1);
    }
    // one_hot too: Hashing's compute_output_shape replaces the last axis in every encoding.
    if ("one_hot".equals(mode)) {
      return new EncodingKind(Placement.REPLACE_LAST, bins, 1);
    }
    return new EncodingKind(requireCounting(mode), bins, 1);
  }

  private static EncodingKind hashedCrossing(KerasArgs a) {
    String mode = mode(a, "int");
    long bins = a.requireLong("num_bins");
    switch (mode) {
      case "int":
        return new EncodingKind(Placement.SAME, bins, 2);
      case "one_hot":
        return new EncodingKind(Placement.ONE_HOT_ANY_RANK, bins, 2);
      default:
        throw new KerasConfigException("unknown output_mode '" + mode + "'");
    }
  }

  /** multi_hot (tf.keras 2.3-2.5: binary) and count encode the last axis. */
  private static Placement requireCounting(String mode) {
    switch (mode) {
      case "binary":
      case "multi_hot":
      case "count":
        return Placement.REPLACE_LAST;
      default:
        throw new KerasConfigException("unknown output_mode '" + mode + "'");
    }
  }

  /**
   * IntegerLookup and StringLookup. Encodings have max_tokens entries when padded, else the
   * vocabulary size Keras 3 records in the configuration (unknown in files that do not record it).
   */
  private static EncodingKind lookup(KerasArgs a) {
    String mode = mode(a, "int");
    if ("int".equals(mode) || a.getBool(false, "invert")) {
      return new EncodingKind(Placement.SAME, null, 1);
    }
    return new EncodingKind(lookupPlacement(a, mode), lookupDepth(a), 1);
  }

  private static Placement lookupPlacement(KerasArgs a, String mode) {
    switch (mode) {
      case "one_hot":
        return Placement.ONE_HOT;
      case "binary":
      case "multi_hot":
      case "count":
        return Placement.REPLACE_LAST;
      case "tf-idf":
      case "tf_idf":
        // A .keras archive saves the idf weights (not a Keras weight: count_params leaves them
        // out); not modelled yet.
        throw new UnsupportedOptionException(
            "output_mode tf_idf (idf weights saved outside count_params) is not supported yet");
      default:
        throw new KerasConfigException("unknown output_mode '" + mode + "'");
    }
  }

  private static Long lookupDepth(KerasArgs a) {
    if (a.getBool(false, "pad_to_max_tokens")
        && a.has("max_tokens")
        && !a.isExplicitNull("max_tokens")) {
      return a.requireLong("max_tokens");
    }
    return a.has("vocabulary_size") && !a.isExplicitNull("vocabulary_size")
        ? a.requireLong("vocabulary_size")
        : null;
  }

  private static TextVectorizationKind textVectorization(KerasArgs a) {
    String mode = mode(a, "int");
    if ("int".equals(mode)) {
      Long length =
          a.has("output_sequence_length") && !a.isExplicitNull("output_sequence_length")
              ? a.requireLong("output_sequence_length")
              : null;
      return new TextVectorizationKind(length, true, null);
    }
    boolean split = !(a.has("split") && a.isExplicitNull("split"));
    return new TextVectorizationKind(
        null, split, new EncodingKind(lookupPlacement(a, mode), lookupDepth(a), 1));
  }

  private static StftSpectrogramKind stft(KerasArgs a) {
    long frameLength = a.getLong(256, "frame_length");
    long frameStep =
        a.has("frame_step") && !a.isExplicitNull("frame_step")
            ? a.requireLong("frame_step")
            : frameLength / 2;
    long fftLength =
        a.has("fft_length") && !a.isExplicitNull("fft_length")
            ? a.requireLong("fft_length")
            : nextPowerOfTwo(frameLength);
    return new StftSpectrogramKind(
        a.getString("log", "mode"),
        frameLength,
        frameStep,
        fftLength,
        a.padding(),
        a.getBool(false, "expand_dims"),
        a.dataFormat());
  }

  /** Keras: 2 ** ceil(log2(frame_length)). */
  private static long nextPowerOfTwo(long n) {
    long p = 1;
    while (p < n) {
      p = Math.multiplyExact(p, 2);
    }
    return p;
  }

  private static PipelineKind pipeline(KerasArgs a) {
    JsonNode layers = a.get("layers");
    if (layers == null || !layers.isArray()) {
      throw new KerasConfigException("missing 'layers'");
    }
    List<LayerKind> stages = new ArrayList<>();
    for (JsonNode spec : layers) {
      String className = spec.path("class_name").asText(null);
      if (className == null) {
        throw new KerasConfigException("a pipeline layer without class_name");
      }
      LayerKind kind = KerasLayerBindings.bind(className, spec.get("config"));
      if (kind == null) {
        throw new UnsupportedOptionException("holds " + className + ", which has no rule");
      }
      stages.add(kind);
    }
    return new PipelineKind(stages);
  }
}
