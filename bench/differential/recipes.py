"""The catalogue: for every layer class of keras.layers, how to make a random but valid instance
for a given input tensor.

A single-input recipe is fn(rng, shape) -> layer or None, where shape is the input's shape
without the batch dimension (a tuple of ints) and None means the class does not fit that input.
Multi-input and integer-input classes have their own tables (MERGES, INT_INPUTS, in
input_recipes.py; the spatial families are in spatial_recipes.py). Classes that take no place in
a model under jax are listed in NOT_IN_A_MODEL with the reason; the generator still tries to
build each of those once and logs what Keras says.
"""

import jax.numpy as jnp
from keras import layers as L

from input_recipes import INT_INPUTS, MERGES, NOT_IN_A_MODEL, lora  # noqa: F401  (re-exported)
from spatial_recipes import (ACTIVATIONS, adaptive_pooling, conv, conv_lstm, cropping, depthwise,
                             global_pooling, kernel, padding_layer, pooling, separable,
                             spatial_dropout, upsampling)


def dense(rng, shape):
    return L.Dense(rng.randint(1, 8), use_bias=rng.random() < 0.8,
                   activation=rng.choice(ACTIVATIONS), **lora(rng))


def einsum_dense(rng, shape):
    units = rng.randint(1, 6)
    if len(shape) == 1:
        return L.EinsumDense("ab,bc->ac", output_shape=units,
                             bias_axes=rng.choice([None, "c"]), **lora(rng))
    if len(shape) == 3:
        return L.EinsumDense("abcd,de->abce", output_shape=(None, None, units),
                             bias_axes=rng.choice([None, "e"]))
    if len(shape) == 2:
        choice = rng.randint(0, 2)
        if choice == 0:
            return L.EinsumDense("abc,cd->abd", output_shape=(None, units),
                                 bias_axes=rng.choice([None, "d"]))
        if choice == 1:
            return L.EinsumDense("abc,cde->abde", output_shape=(None, units, 2),
                                 bias_axes=rng.choice([None, "e", "de"]))
        return L.EinsumDense("abc,bd->ad", output_shape=units, bias_axes=rng.choice([None, "d"]))
    return None


def flatten(rng, shape):
    if len(shape) < 2:
        return None
    return L.Flatten(data_format=rng.choice(["channels_last", "channels_first"]))


def reshape(rng, shape):
    n = 1
    for d in shape:
        n *= d
    choice = rng.randint(0, 2)
    if choice == 0 or n > 4096:
        if shape[-1] % 2:
            return None
        target = shape[:-1] + (2, shape[-1] // 2)
    elif choice == 1:
        target = (n,)
    else:
        target = (-1, shape[-1]) if len(shape) > 1 else (n // shape[0], shape[0])
    if rng.random() < 0.3 and -1 not in target:
        target = (-1,) + tuple(target[1:])
    return L.Reshape(target)


def permute(rng, shape):
    if len(shape) < 2:
        return None
    dims = list(range(1, len(shape) + 1))
    rng.shuffle(dims)
    return L.Permute(tuple(dims))


def repeat_vector(rng, shape):
    return L.RepeatVector(rng.randint(2, 4)) if len(shape) == 1 else None


def twice(t):
    return t * 2.0


def lambda_layer(rng, shape):
    if rng.random() < 0.5:
        return L.Lambda(twice)
    return L.Lambda(twice, output_shape=shape)


def activation(rng, shape):
    return L.Activation(rng.choice(ACTIVATIONS))


def softmax(rng, shape):
    return L.Softmax(axis=rng.choice([-1, 1]) if len(shape) > 1 else -1)


def relu(rng, shape):
    return L.ReLU(max_value=rng.choice([None, 6.0]), negative_slope=rng.choice([0.0, 0.1]),
                  threshold=rng.choice([0.0, 0.5]))


def prelu(rng, shape):
    axes = [a for a in range(1, len(shape) + 1) if rng.random() < 0.4]
    if len(axes) == len(shape):
        axes = axes[1:]
    return L.PReLU(shared_axes=axes or None)


def axis_choice(rng, shape):
    """A random axis (negative or positive) or a tuple of axes of the input."""
    if len(shape) > 1 and rng.random() < 0.25:
        return sorted(rng.sample(range(1, len(shape) + 1), 2))
    a = rng.randint(1, len(shape))
    return a - len(shape) - 1 if rng.random() < 0.5 else a


def layer_norm(rng, shape):
    return L.LayerNormalization(axis=axis_choice(rng, shape), center=rng.random() < 0.8,
                                scale=rng.random() < 0.8, rms_scaling=rng.random() < 0.1)


def batch_norm(rng, shape):
    a = rng.randint(1, len(shape))
    return L.BatchNormalization(axis=a - len(shape) - 1 if rng.random() < 0.5 else a,
                                center=rng.random() < 0.8, scale=rng.random() < 0.8,
                                renorm=rng.random() < 0.15)


def group_norm(rng, shape):
    a = rng.choice([-1, 1]) if len(shape) > 1 else -1
    ch = shape[a if a < 0 else a - 1]
    groups = rng.choice([g for g in (1, 2, 3, 4) if ch % g == 0])
    return L.GroupNormalization(groups=groups, axis=a, center=rng.random() < 0.8,
                                scale=rng.random() < 0.8)


def unit_norm(rng, shape):
    return L.UnitNormalization(axis=axis_choice(rng, shape))


def rms_norm(rng, shape):
    return L.RMSNormalization(axis=axis_choice(rng, shape))


def normalization(rng, shape):
    choice = rng.randint(0, 2)
    if choice == 0:
        return L.Normalization(axis=-1)
    if choice == 1:
        return L.Normalization(axis=None)
    return L.Normalization(axis=axis_choice(rng, shape))


def spectral_norm(rng, shape):
    if len(shape) == 3 and rng.random() < 0.5:
        return L.SpectralNormalization(L.Conv2D(rng.randint(1, 4), kernel(rng, shape[:-1])),
                                       power_iterations=rng.randint(1, 2))
    return L.SpectralNormalization(L.Dense(rng.randint(1, 6)))


def masking(rng, shape):
    return L.Masking(mask_value=0.0) if len(shape) == 2 else None


def rnn_args(rng):
    return dict(units=rng.randint(1, 6), use_bias=rng.random() < 0.8)


def recurrent(cls):
    def make(rng, shape):
        if len(shape) != 2:
            return None
        args = rnn_args(rng)
        if cls is L.GRU:
            args["reset_after"] = rng.random() < 0.7
        return cls(return_sequences=rng.random() < 0.5, go_backwards=rng.random() < 0.2,
                   return_state=rng.random() < 0.2, **args)
    return make


def cell(rng, kind=None):
    kind = kind or rng.choice(["lstm", "gru", "simple"])
    if kind == "lstm":
        return L.LSTMCell(**rnn_args(rng))
    if kind == "gru":
        return L.GRUCell(reset_after=rng.random() < 0.7, **rnn_args(rng))
    return L.SimpleRNNCell(**rnn_args(rng))


def rnn_over(kind):
    def make(rng, shape):
        if len(shape) != 2:
            return None
        if kind == "stacked":
            c = L.StackedRNNCells([cell(rng) for _ in range(rng.randint(2, 3))])
        elif kind == "any":
            c = cell(rng)
        else:
            c = cell(rng, kind)
        return L.RNN(c, return_sequences=rng.random() < 0.5, go_backwards=rng.random() < 0.2,
                     return_state=rng.random() < 0.2)
    return make


def bidirectional(rng, shape):
    if len(shape) != 2:
        return None
    cls = rng.choice([L.LSTM, L.GRU, L.SimpleRNN])
    sequences = rng.random() < 0.5
    state = rng.random() < 0.15
    inner = cls(rng.randint(1, 5), return_sequences=sequences, return_state=state)
    args = dict(merge_mode=rng.choice(["concat", "sum", "mul", "ave", None] if not state
                                      else ["concat", "sum", "mul", "ave"]))
    if rng.random() < 0.25:
        args["backward_layer"] = cls(rng.randint(1, 5) if args["merge_mode"] == "concat" else inner.units,
                                     return_sequences=sequences, return_state=state, go_backwards=True)
    return L.Bidirectional(inner, **args)


def time_distributed(rng, shape):
    if len(shape) < 2:
        return None
    inner_shape = shape[1:]
    choice = rng.random()
    if len(inner_shape) == 3 and choice < 0.3:
        inner = conv(L.Conv2D, 2)(rng, inner_shape)
    elif len(inner_shape) == 3 and choice < 0.5:
        inner = pooling(L.MaxPooling2D, 2)(rng, inner_shape)
    elif len(inner_shape) == 2 and choice < 0.3:
        inner = conv(L.Conv1D, 1)(rng, inner_shape)
    elif len(inner_shape) == 2 and choice < 0.5:
        inner = L.LSTM(rng.randint(1, 4))
    elif len(inner_shape) >= 2 and choice < 0.65:
        inner = L.Flatten()
    elif choice < 0.8:
        inner = L.BatchNormalization()
    else:
        inner = L.Dense(rng.randint(1, 5))
    return L.TimeDistributed(inner) if inner is not None else None


def same_shape(cls, **args):
    def make(rng, shape):
        return cls(**args)
    return make


def images(make_layer, min_side=4, channels=None):
    """A recipe for an image layer: rank 3 input (no batch), channels last."""
    def make(rng, shape):
        if len(shape) != 3 or min(shape[:2]) < min_side:
            return None
        if channels is not None and shape[2] != channels:
            return None
        return make_layer(rng, shape)
    return make


def resizing(rng, shape):
    return L.Resizing(rng.randint(2, 10), rng.randint(2, 10),
                      crop_to_aspect_ratio=rng.random() < 0.2)


def center_crop(rng, shape):
    return L.CenterCrop(rng.randint(1, shape[0]), rng.randint(1, shape[1]))


def random_crop(rng, shape):
    return L.RandomCrop(rng.randint(1, shape[0]), rng.randint(1, shape[1]))


def mel_spectrogram(rng, shape):
    if len(shape) != 1 or shape[0] < 64:
        return None
    fft = rng.choice([16, 32, 64])
    return L.MelSpectrogram(fft_length=fft, sequence_stride=rng.choice([4, 8, 16]),
                            num_mel_bins=rng.randint(2, 16), sampling_rate=8000)


def stft_spectrogram(rng, shape):
    if len(shape) != 2 or shape[0] < 32:
        return None
    frame = rng.choice([8, 16, 32])
    return L.STFTSpectrogram(mode=rng.choice(["log", "magnitude", "psd", "real", "imag", "angle", "stft"]),
                             frame_length=frame, frame_step=rng.choice([None, 4, 8]),
                             fft_length=rng.choice([None, 32]), padding=rng.choice(["valid", "same"]),
                             expand_dims=rng.random() < 0.3)


def discretization(rng, shape):
    return L.Discretization(bin_boundaries=sorted(rng.sample([-1.0, 0.0, 0.5, 1.0, 2.0], 3)),
                            output_mode="int")


def pipeline(rng, shape):
    if len(shape) != 3:
        return None
    return L.Pipeline([L.Rescaling(1 / 255.0), L.RandomFlip(), L.RandomBrightness(0.1)])


def jax_call(params, inputs):
    return jnp.matmul(inputs, params["w"])


def jax_init(rng, inputs):
    return {"w": jnp.ones((inputs.shape[-1], 3))}


def jax_layer(rng, shape):
    return L.JaxLayer(call_fn=jax_call, init_fn=jax_init)


SINGLE = {
    "Dense": dense,
    "EinsumDense": einsum_dense,
    "Activation": activation,
    "Identity": same_shape(L.Identity),
    "Dropout": same_shape(L.Dropout, rate=0.2),
    "GaussianNoise": same_shape(L.GaussianNoise, stddev=0.1),
    "GaussianDropout": same_shape(L.GaussianDropout, rate=0.1),
    "AlphaDropout": same_shape(L.AlphaDropout, rate=0.1),
    "ActivityRegularization": same_shape(L.ActivityRegularization, l1=0.01),
    "Masking": masking,
    "Flatten": flatten,
    "Reshape": reshape,
    "Permute": permute,
    "RepeatVector": repeat_vector,
    "Lambda": lambda_layer,
    "Softmax": softmax,
    "ReLU": relu,
    "LeakyReLU": same_shape(L.LeakyReLU, negative_slope=0.2),
    "PReLU": prelu,
    "ELU": same_shape(L.ELU, alpha=0.5),
    "LayerNormalization": layer_norm,
    "BatchNormalization": batch_norm,
    "GroupNormalization": group_norm,
    "UnitNormalization": unit_norm,
    "RMSNormalization": rms_norm,
    "Normalization": normalization,
    "SpectralNormalization": spectral_norm,
    "Conv1D": conv(L.Conv1D, 1),
    "Conv2D": conv(L.Conv2D, 2),
    "Conv3D": conv(L.Conv3D, 3),
    "Conv1DTranspose": conv(L.Conv1DTranspose, 1, True),
    "Conv2DTranspose": conv(L.Conv2DTranspose, 2, True),
    "Conv3DTranspose": conv(L.Conv3DTranspose, 3, True),
    "DepthwiseConv1D": depthwise(L.DepthwiseConv1D, 1),
    "DepthwiseConv2D": depthwise(L.DepthwiseConv2D, 2),
    "SeparableConv1D": separable(L.SeparableConv1D, 1),
    "SeparableConv2D": separable(L.SeparableConv2D, 2),
    "ConvLSTM1D": conv_lstm(L.ConvLSTM1D, 1),
    "ConvLSTM2D": conv_lstm(L.ConvLSTM2D, 2),
    "ConvLSTM3D": conv_lstm(L.ConvLSTM3D, 3),
    "MaxPooling1D": pooling(L.MaxPooling1D, 1),
    "MaxPooling2D": pooling(L.MaxPooling2D, 2),
    "MaxPooling3D": pooling(L.MaxPooling3D, 3),
    "AveragePooling1D": pooling(L.AveragePooling1D, 1),
    "AveragePooling2D": pooling(L.AveragePooling2D, 2),
    "AveragePooling3D": pooling(L.AveragePooling3D, 3),
    "GlobalMaxPooling1D": global_pooling(L.GlobalMaxPooling1D, 1),
    "GlobalMaxPooling2D": global_pooling(L.GlobalMaxPooling2D, 2),
    "GlobalMaxPooling3D": global_pooling(L.GlobalMaxPooling3D, 3),
    "GlobalAveragePooling1D": global_pooling(L.GlobalAveragePooling1D, 1),
    "GlobalAveragePooling2D": global_pooling(L.GlobalAveragePooling2D, 2),
    "GlobalAveragePooling3D": global_pooling(L.GlobalAveragePooling3D, 3),
    "AdaptiveAveragePooling1D": adaptive_pooling(L.AdaptiveAveragePooling1D, 1),
    "AdaptiveAveragePooling2D": adaptive_pooling(L.AdaptiveAveragePooling2D, 2),
    "AdaptiveAveragePooling3D": adaptive_pooling(L.AdaptiveAveragePooling3D, 3),
    "AdaptiveMaxPooling1D": adaptive_pooling(L.AdaptiveMaxPooling1D, 1),
    "AdaptiveMaxPooling2D": adaptive_pooling(L.AdaptiveMaxPooling2D, 2),
    "AdaptiveMaxPooling3D": adaptive_pooling(L.AdaptiveMaxPooling3D, 3),
    "Cropping1D": cropping(L.Cropping1D, 1),
    "Cropping2D": cropping(L.Cropping2D, 2),
    "Cropping3D": cropping(L.Cropping3D, 3),
    "ZeroPadding1D": padding_layer(L.ZeroPadding1D, 1),
    "ZeroPadding2D": padding_layer(L.ZeroPadding2D, 2),
    "ZeroPadding3D": padding_layer(L.ZeroPadding3D, 3),
    "UpSampling1D": upsampling(L.UpSampling1D, 1),
    "UpSampling2D": upsampling(L.UpSampling2D, 2),
    "UpSampling3D": upsampling(L.UpSampling3D, 3),
    "SpatialDropout1D": spatial_dropout(L.SpatialDropout1D, 1),
    "SpatialDropout2D": spatial_dropout(L.SpatialDropout2D, 2),
    "SpatialDropout3D": spatial_dropout(L.SpatialDropout3D, 3),
    "SimpleRNN": recurrent(L.SimpleRNN),
    "LSTM": recurrent(L.LSTM),
    "GRU": recurrent(L.GRU),
    "RNN": rnn_over("any"),
    "LSTMCell": rnn_over("lstm"),
    "GRUCell": rnn_over("gru"),
    "SimpleRNNCell": rnn_over("simple"),
    "StackedRNNCells": rnn_over("stacked"),
    "Bidirectional": bidirectional,
    "TimeDistributed": time_distributed,
    "Rescaling": same_shape(L.Rescaling, scale=0.5, offset=1.0),
    "Discretization": discretization,
    "MelSpectrogram": mel_spectrogram,
    "STFTSpectrogram": stft_spectrogram,
    "JaxLayer": jax_layer,
    "Resizing": images(resizing, 2),
    "CenterCrop": images(center_crop, 2),
    "RandomCrop": images(random_crop, 2),
    "Pipeline": images(pipeline, 2),
    "RandomFlip": images(lambda rng, s: L.RandomFlip(rng.choice(["horizontal", "vertical", "horizontal_and_vertical"]))),
    "RandomRotation": images(lambda rng, s: L.RandomRotation(0.2)),
    "RandomZoom": images(lambda rng, s: L.RandomZoom(0.2, 0.1)),
    "RandomTranslation": images(lambda rng, s: L.RandomTranslation(0.1, 0.1)),
    "RandomContrast": images(lambda rng, s: L.RandomContrast(0.2)),
    "RandomBrightness": images(lambda rng, s: L.RandomBrightness(0.2)),
    "RandomHue": images(lambda rng, s: L.RandomHue(0.2), channels=3),
    "RandomSaturation": images(lambda rng, s: L.RandomSaturation(0.2), channels=3),
    "RandomColorJitter": images(lambda rng, s: L.RandomColorJitter(brightness_factor=0.1, contrast_factor=0.1), channels=3),
    "RandomGrayscale": images(lambda rng, s: L.RandomGrayscale(0.5), channels=3),
    "RandomColorDegeneration": images(lambda rng, s: L.RandomColorDegeneration(0.2), channels=3),
    "RandomErasing": images(lambda rng, s: L.RandomErasing()),
    "RandomGaussianBlur": images(lambda rng, s: L.RandomGaussianBlur()),
    "RandomInvert": images(lambda rng, s: L.RandomInvert()),
    "RandomPerspective": images(lambda rng, s: L.RandomPerspective()),
    "RandomPosterization": images(lambda rng, s: L.RandomPosterization(4), channels=3),
    "RandomSharpness": images(lambda rng, s: L.RandomSharpness(0.2), channels=3),
    "RandomShear": images(lambda rng, s: L.RandomShear(0.1, 0.1)),
    "RandomElasticTransform": images(lambda rng, s: L.RandomElasticTransform()),
    "Solarization": images(lambda rng, s: L.Solarization(0.1, 0.1)),
    "AutoContrast": images(lambda rng, s: L.AutoContrast()),
    "Equalization": images(lambda rng, s: L.Equalization(), channels=3),
    "ContrastLimitedAdaptiveHistogramEqualization": images(
        lambda rng, s: L.ContrastLimitedAdaptiveHistogramEqualization(tile_grid_size=(2, 2)), 8),
    "AugMix": images(lambda rng, s: L.AugMix(), channels=3),
    "RandAugment": images(lambda rng, s: L.RandAugment(), channels=3),
    "CutMix": images(lambda rng, s: L.CutMix()),
    "MixUp": images(lambda rng, s: L.MixUp()),
}
