"""Keras 3.15.1 preprocessing and augmentation layers, for generate.py (MODELS += these).

Run from this directory, like generate.py:

    KERAS_BACKEND=jax python3 generate.py augmentation augmentation_mix ...

The lookup models (Hashing, HashedCrossing, StringLookup, IntegerLookup, TextVectorization) need
TensorFlow installed beside Keras (`pip install tensorflow-cpu==2.21.0`): Keras 3 builds those
layers on tf ops whatever the backend, and refuses to construct them without it. The backend
stays jax.

What Keras 3.15.1 does with these layers (measured, see the README):
- count_params() is 0 for every one but STFTSpectrogram; the random layers each hold a
  SeedGenerator state variable (uint32, shape (2,)) that is not in layer.weights, not counted and
  saved in neither .h5 nor .keras.
- value_range given as a list (the default of RandomBrightness, RandomColorDegeneration,
  RandomPosterization, RandomSaturation, RandomSharpness, Solarization) makes the legacy .h5 save
  fail ("cannot pickle 'module' object": the tracked list deep-copies the layer); the models here
  pass tuples.
- RandomShear with a single factor cannot be loaded back (its config holds (-f, f), which its own
  constructor rejects); the model here passes ranges within [0, 1].
- Equalization returns its input tensor symbolically, so Keras cannot put it in a functional or
  Sequential model ("part of a cycle"); inside a Pipeline it can.
"""

import numpy as np
import keras
from keras import layers


def augmentation():
    """Every same-shape augmentation layer, channels last and first, and RandomCrop."""
    img = keras.Input((12, 10, 3), name="img")
    chw = keras.Input((3, 12, 10), name="chw")
    vr = (0.0, 255.0)
    outs = [
        layers.RandomFlip(name="flip")(img),
        layers.RandomFlip("vertical", data_format="channels_first", name="flip_chw")(chw),
        layers.RandomRotation(0.1, name="rotation")(img),
        layers.RandomRotation(0.1, data_format="channels_first", name="rotation_chw")(chw),
        layers.RandomZoom(0.1, name="zoom")(img),
        layers.RandomTranslation(0.1, 0.2, name="translation")(img),
        layers.RandomContrast(0.2, value_range=vr, name="contrast")(img),
        layers.RandomColorJitter(value_range=vr, brightness_factor=0.2, contrast_factor=0.2,
                                 saturation_factor=0.3, hue_factor=0.1, name="color_jitter")(img),
        layers.RandomElasticTransform(value_range=vr, name="elastic")(img),
        layers.RandomErasing(value_range=vr, name="erasing")(img),
        layers.RandomGaussianBlur(value_range=vr, name="gaussian_blur")(img),
        layers.RandomGrayscale(name="grayscale")(img),
        layers.RandomHue(0.2, value_range=vr, name="hue")(img),
        layers.RandomInvert(value_range=vr, name="invert")(img),
        layers.RandomPerspective(name="perspective")(img),
        layers.RandomShear(x_factor=(0.1, 0.3), y_factor=(0.0, 0.2), name="shear")(img),
        layers.RandomCrop(5, 7, name="crop")(img),
        layers.RandomCrop(6, 4, data_format="channels_first", name="crop_chw")(chw),
    ]
    return keras.Model([img, chw], outs, name="augmentation")


def augmentation_list_range():
    """The six layers that keep value_range as a list, which Keras 3.15.1 cannot write to a
    legacy .h5 file (NO_H5): saved as .keras and JSON only."""
    img = keras.Input((12, 10, 3), name="img")
    chw = keras.Input((3, 12, 10), name="chw")
    outs = [
        layers.RandomBrightness(0.2, name="brightness")(img),
        layers.RandomColorDegeneration(0.2, name="color_degeneration")(img),
        layers.RandomPosterization(4, name="posterization")(img),
        layers.RandomSaturation(0.2, name="saturation")(img),
        layers.RandomSharpness(0.2, data_format="channels_first", name="sharpness_chw")(chw),
        layers.Solarization(name="solarization")(img),
    ]
    return keras.Model([img, chw], outs, name="augmentation_list_range")


def augmentation_mix():
    """The composite and mixing augmentations, AutoContrast, CLAHE, MaxNumBoundingBoxes, and
    Pipeline (Equalization can only be saved inside one)."""
    img = keras.Input((16, 16, 3), name="img")
    vr = (0.0, 255.0)
    outs = [
        layers.AugMix(value_range=vr, name="aug_mix")(img),
        layers.RandAugment(value_range=vr, name="rand_augment")(img),
        layers.CutMix(name="cut_mix")(img),
        layers.MixUp(name="mix_up")(img),
        layers.AutoContrast(value_range=vr, name="auto_contrast")(img),
        layers.ContrastLimitedAdaptiveHistogramEqualization(value_range=vr, name="clahe")(img),
        layers.MaxNumBoundingBoxes(4, name="max_boxes")(img),
        layers.Pipeline([layers.RandomFlip(), layers.RandomRotation(0.1), layers.Resizing(8, 6)],
                        name="pipeline")(img),
        layers.Pipeline([layers.Equalization(value_range=vr), layers.CenterCrop(10, 12)],
                        name="pipeline_equalization")(img),
    ]
    return keras.Model(img, outs, name="augmentation_mix")


def spectrograms():
    """MelSpectrogram; STFTSpectrogram in every weight layout (real and imaginary kernels, one of
    them, frozen), padding, expand_dims, channels first, default frame_step and fft_length."""
    audio = keras.Input((200,), name="audio")
    tracks = keras.Input((200, 2), name="tracks")
    tracks_cf = keras.Input((2, 200), name="tracks_cf")
    outs = [
        layers.MelSpectrogram(fft_length=64, sequence_stride=16, sequence_length=32,
                              num_mel_bins=20, name="mel")(audio),
        layers.STFTSpectrogram(frame_length=32, frame_step=8, name="stft_log")(tracks),
        layers.STFTSpectrogram(mode="stft", frame_length=32, frame_step=8, fft_length=64,
                               padding="same", expand_dims=True, name="stft_same_expand")(tracks),
        layers.STFTSpectrogram(mode="real", frame_length=30, data_format="channels_first",
                               trainable=False, name="stft_real_frozen_cf")(tracks_cf),
        layers.STFTSpectrogram(mode="imag", frame_length=16, frame_step=16, expand_dims=True,
                               data_format="channels_first", name="stft_imag_cf_expand")(tracks_cf),
    ]
    return keras.Model([audio, tracks, tracks_cf], outs, name="spectrograms")


def categorical():
    """CategoryEncoding and Discretization in each output mode (no TensorFlow needed)."""
    ids = keras.Input((4,), dtype="int32", name="ids")
    id_col = keras.Input((4, 1), dtype="int32", name="id_col")
    x = keras.Input((4,), name="x")
    x_col = keras.Input((4, 1), name="x_col")
    adapted = layers.Discretization(num_bins=4, name="disc_adapted")
    adapted.adapt(np.linspace(0.0, 1.0, 50))
    outs = [
        layers.CategoryEncoding(6, output_mode="one_hot", name="enc_one_hot")(ids),
        layers.CategoryEncoding(6, output_mode="one_hot", name="enc_one_hot_col")(id_col),
        layers.CategoryEncoding(6, name="enc_multi_hot")(ids),
        layers.CategoryEncoding(6, output_mode="count", name="enc_count")(ids),
        layers.Discretization(bin_boundaries=[0.0, 0.5, 1.0], name="disc_int")(x),
        layers.Discretization(bin_boundaries=[0.0, 0.5], output_mode="one_hot",
                              name="disc_one_hot")(x),
        layers.Discretization(bin_boundaries=[0.0, 0.5], output_mode="one_hot",
                              name="disc_one_hot_col")(x_col),
        layers.Discretization(bin_boundaries=[0.0, 0.5], output_mode="multi_hot",
                              name="disc_multi_hot")(x),
        layers.Discretization(bin_boundaries=[0.0, 0.5], output_mode="count",
                              name="disc_count")(x),
        adapted(x),
    ]
    return keras.Model([ids, id_col, x, x_col], outs, name="categorical")


def lookups():
    """Hashing, HashedCrossing, StringLookup, IntegerLookup and TextVectorization in their output
    modes (needs TensorFlow; see the module docstring)."""
    words = keras.Input((3,), dtype="string", name="words")
    word_col = keras.Input((3, 1), dtype="string", name="word_col")
    nums = keras.Input((3,), dtype="int64", name="nums")
    a = keras.Input((1,), dtype="int64", name="a")
    b = keras.Input((1,), dtype="int64", name="b")
    text = keras.Input((1,), dtype="string", name="text")
    sentence = keras.Input((), dtype="string", name="sentence")
    vocab = ["a", "b", "c"]
    adapted = layers.StringLookup(output_mode="multi_hot", name="string_adapted")
    adapted.adapt(np.array([["a", "b"], ["c", "d"], ["a", "e"]]))
    adapted_tv = layers.TextVectorization(output_sequence_length=5, name="text_adapted")
    adapted_tv.adapt(np.array(["the cat sat", "the dog"]))
    outs = [
        layers.Hashing(7, name="hash_int")(words),
        layers.Hashing(7, output_mode="multi_hot", name="hash_multi_hot")(words),
        layers.Hashing(7, output_mode="count", name="hash_count")(nums),
        layers.HashedCrossing(9, name="cross_int")((a, b)),
        layers.HashedCrossing(9, output_mode="one_hot", name="cross_one_hot")((a, b)),
        layers.StringLookup(vocabulary=vocab, name="string_int")(words),
        layers.StringLookup(vocabulary=vocab, output_mode="one_hot", name="string_one_hot")(words),
        layers.StringLookup(vocabulary=vocab, output_mode="one_hot", mask_token="",
                            num_oov_indices=2, name="string_one_hot_col")(word_col),
        layers.StringLookup(vocabulary=vocab, output_mode="count", max_tokens=9,
                            pad_to_max_tokens=True, name="string_count_padded")(words),
        adapted(words),
        layers.StringLookup(vocabulary=vocab, invert=True, name="string_invert")(nums),
        layers.IntegerLookup(vocabulary=[10, 20, 30, 40], name="integer_int")(nums),
        layers.IntegerLookup(vocabulary=[10, 20, 30, 40], output_mode="multi_hot",
                             name="integer_multi_hot")(nums),
        layers.TextVectorization(vocabulary=vocab, output_sequence_length=6,
                                 name="text_int")(text),
        layers.TextVectorization(vocabulary=vocab, name="text_int_ragged")(text),
        adapted_tv(text),
        layers.TextVectorization(vocabulary=vocab, output_mode="multi_hot",
                                 name="text_multi_hot")(sentence),
        layers.TextVectorization(vocabulary=vocab, output_mode="count", split=None,
                                 name="text_count_unsplit")(sentence),
    ]
    return keras.Model([words, word_col, nums, a, b, text, sentence], outs, name="lookups")


# Models Keras 3.15.1 cannot save as legacy .h5: generate.py writes only .keras and JSON.
NO_H5 = {"augmentation_list_range"}

MODELS = [
    ("augmentation", augmentation, False),
    ("augmentation_list_range", augmentation_list_range, False),
    ("augmentation_mix", augmentation_mix, False),
    ("spectrograms", spectrograms, False),
    ("categorical", categorical, False),
    ("lookups", lookups, False),
]


# ---------------------------------------------------------------------------
# Layers Keras cannot put in a model file here, and shape rules no model above reaches:
# each layer's own get_config() and compute_output_shape(), written to preprocessing_configs.json
# (read by KerasPreprocessingConfigTest). Run: KERAS_BACKEND=jax python3 generate_preprocessing.py
# ---------------------------------------------------------------------------

def config_cases():
    vocab = ["a", "b", "c"]
    tf_idf_lookup = layers.StringLookup(vocabulary=vocab, idf_weights=[0.5, 0.6, 0.7],
                                        output_mode="tf_idf")
    tf_idf_text = layers.TextVectorization(output_mode="tf_idf")
    tf_idf_text.adapt(np.array(["a b", "a c d"]))
    return [
        # Equalization returns its input tensor symbolically: "part of a cycle" in any model.
        ("not in a model", layers.Equalization(), [None, 8, 8, 3]),
        # tf_idf: .keras archives save idf_weights, which count_params() leaves out.
        ("idf state", tf_idf_lookup, [None, 4]),
        ("idf state", tf_idf_text, [None, 1]),
        ("idf state", layers.IntegerLookup(vocabulary=[1, 2], idf_weights=[0.5, 0.5],
                                           output_mode="tf_idf"), [None, 3]),
        # Symbolic rules whose runtime shape differs (kept out of the fixtures, which run models).
        ("symbolic", layers.Hashing(7, output_mode="one_hot"), [None, 4]),
        ("symbolic", layers.Discretization(bin_boundaries=[0.0], output_mode="multi_hot"),
         [None, 4, 5]),
        ("symbolic", layers.CategoryEncoding(5, output_mode="one_hot"), [None]),
        ("symbolic", layers.MelSpectrogram(sequence_stride=10, num_mel_bins=8), [100]),
        ("symbolic", layers.RandomCrop(4, 5), [12, 10, 3]),
        ("symbolic", layers.TextVectorization(vocabulary=vocab, output_sequence_length=4),
         [None, 2, 3]),
    ]


def write_configs(path="preprocessing_configs.json"):
    import json
    from keras.src.saving import serialization_lib
    out = []
    for why, layer, shape in config_cases():
        spec = serialization_lib.serialize_keras_object(layer)
        expected = layer.compute_output_shape(tuple(shape))
        out.append({
            "why": why,
            "class_name": spec["class_name"],
            "config": spec["config"],
            "input_shape": shape,
            "output_shape": [None if d is None else int(d) for d in expected],
            "count_params": int(layer.count_params()) if layer.built else 0,
        })
    with open(path, "w") as fh:
        json.dump({"keras_version": keras.__version__, "backend": keras.backend.backend(),
                   "cases": out}, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    import os
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    write_configs()
