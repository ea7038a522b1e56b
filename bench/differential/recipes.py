"""The catalogue: for every layer class of keras.layers, how to make a random but valid instance
for a given input tensor.

A single-input recipe is fn(rng, shape) -> layer or None, where shape is the input's shape
without the batch dimension (a tuple of ints) and None means the class does not fit that input.
Multi-input and integer-input classes have their own tables (MERGES, INT_INPUTS). Classes that
take no place in a model under jax are listed in NOT_IN_A_MODEL with the reason; the generator
still tries to build each of those once and logs what Keras says.
"""

import jax.numpy as jnp
from keras import layers as L

ACTIVATIONS = ["relu", "tanh", "sigmoid", "linear", "gelu", "softmax", "elu", "selu", "swish"]


def kernel(rng, dims, most=3):
    """A kernel size per spatial dim that fits every dim (and sometimes one int for all)."""
    sizes = [rng.randint(1, max(1, min(most, d))) for d in dims]
    if rng.random() < 0.3 and len(set(sizes)) == 1:
        return sizes[0]
    return tuple(sizes)


def spatial(shape, nd, data_format="channels_last"):
    """(spatial dims, channels) of a rank nd+1 (no batch) channels-last or -first shape."""
    if len(shape) != nd + 1:
        return None, None
    if data_format == "channels_first":
        return shape[1:], shape[0]
    return shape[:-1], shape[-1]


def data_format(rng):
    return "channels_first" if rng.random() < 0.2 else "channels_last"


def conv(cls, nd, transpose=False):
    def make(rng, shape):
        df = data_format(rng)
        dims, ch = spatial(shape, nd, df)
        if dims is None or min(dims) < 1:
            return None
        k = kernel(rng, dims)
        ks = k if isinstance(k, tuple) else (k,) * nd
        padding = rng.choice(["valid", "same"] + (["causal"] if nd == 1 and not transpose else []))
        strides, dilation = 1, 1
        if rng.random() < 0.4:
            strides = rng.randint(1, 2)
        elif rng.random() < 0.3:
            dilation = 2
            if any(d < (kk - 1) * 2 + 1 for d, kk in zip(dims, ks)) and padding == "valid":
                dilation = 1
        filters = rng.randint(1, 6)
        args = dict(filters=filters, kernel_size=k, strides=strides, padding=padding,
                    dilation_rate=dilation, use_bias=rng.random() < 0.8, data_format=df,
                    activation=rng.choice(ACTIVATIONS))
        if not transpose and rng.random() < 0.2:
            g = rng.choice([g for g in (1, 2, 3) if ch % g == 0])
            args["groups"] = g
            args["filters"] = g * rng.randint(1, 3)
        if transpose and strides == 2 and rng.random() < 0.5:
            args["output_padding"] = 1
        return cls(**args)
    return make


def depthwise(cls, nd):
    def make(rng, shape):
        df = data_format(rng)
        dims, ch = spatial(shape, nd, df)
        if dims is None:
            return None
        return cls(kernel_size=kernel(rng, dims), strides=rng.randint(1, 2),
                   padding=rng.choice(["valid", "same"]), depth_multiplier=rng.randint(1, 3),
                   use_bias=rng.random() < 0.8, data_format=df)
    return make


def separable(cls, nd):
    def make(rng, shape):
        df = data_format(rng)
        dims, ch = spatial(shape, nd, df)
        if dims is None:
            return None
        return cls(filters=rng.randint(1, 6), kernel_size=kernel(rng, dims),
                   strides=rng.randint(1, 2), padding=rng.choice(["valid", "same"]),
                   depth_multiplier=rng.randint(1, 3), use_bias=rng.random() < 0.8,
                   data_format=df)
    return make


def conv_lstm(cls, nd):
    def make(rng, shape):
        if len(shape) != nd + 2:
            return None
        df = data_format(rng)
        dims, ch = spatial(shape[1:], nd, df)
        return cls(filters=rng.randint(1, 4), kernel_size=kernel(rng, dims),
                   padding=rng.choice(["valid", "same"]), data_format=df,
                   return_sequences=rng.random() < 0.5, use_bias=rng.random() < 0.8)
    return make


def pooling(cls, nd):
    def make(rng, shape):
        df = data_format(rng)
        dims, ch = spatial(shape, nd, df)
        if dims is None:
            return None
        pool = kernel(rng, dims)
        strides = rng.choice([None, 1, 2])
        return cls(pool_size=pool, strides=strides, padding=rng.choice(["valid", "same"]),
                   data_format=df)
    return make


def global_pooling(cls, nd):
    def make(rng, shape):
        if len(shape) != nd + 1:
            return None
        return cls(data_format=data_format(rng), keepdims=rng.random() < 0.3)
    return make


def adaptive_pooling(cls, nd):
    def make(rng, shape):
        df = data_format(rng)
        dims, ch = spatial(shape, nd, df)
        if dims is None:
            return None
        size = tuple(rng.randint(1, d) for d in dims)
        return cls(output_size=size[0] if nd == 1 else size, data_format=df)
    return make


def cropping(cls, nd):
    def make(rng, shape):
        df = data_format(rng)
        dims, ch = spatial(shape, nd, df)
        if dims is None or min(dims) < 2:
            return None
        crops = []
        for d in dims:
            a = rng.randint(0, (d - 1) // 2)
            b = rng.randint(0, (d - 1) // 2)
            crops.append((a, b))
        if nd == 1:
            return cls(cropping=crops[0])
        return cls(cropping=tuple(crops), data_format=df)
    return make


def padding_layer(cls, nd):
    def make(rng, shape):
        df = data_format(rng)
        dims, ch = spatial(shape, nd, df)
        if dims is None:
            return None
        pads = tuple((rng.randint(0, 2), rng.randint(0, 2)) for _ in dims)
        if nd == 1:
            return cls(padding=pads[0])
        if rng.random() < 0.3:
            return cls(padding=rng.randint(1, 2), data_format=df)
        return cls(padding=pads, data_format=df)
    return make


def upsampling(cls, nd):
    def make(rng, shape):
        df = data_format(rng)
        dims, ch = spatial(shape, nd, df)
        if dims is None or max(dims) > 16:
            return None
        if nd == 1:
            return cls(size=rng.randint(2, 3))
        size = tuple(rng.randint(1, 2) for _ in dims)
        if nd == 2:
            return cls(size=size, data_format=df, interpolation=rng.choice(["nearest", "bilinear"]))
        return cls(size=size, data_format=df)
    return make


def spatial_dropout(cls, nd):
    def make(rng, shape):
        if len(shape) != nd + 1:
            return None
        if nd == 1:
            return cls(rate=0.1)
        return cls(rate=0.1, data_format=data_format(rng))
    return make


def lora(rng):
    return {"lora_rank": rng.randint(1, 2)} if rng.random() < 0.1 else {}


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


def embedding(rng):
    return L.Embedding(rng.randint(2, 40), rng.randint(1, 6), mask_zero=rng.random() < 0.2,
                       **lora(rng))


def reversible_embedding(rng):
    return L.ReversibleEmbedding(rng.randint(2, 40), rng.randint(1, 6),
                                 tie_weights=rng.random() < 0.5)


def category_encoding(rng):
    return L.CategoryEncoding(num_tokens=rng.randint(4, 20),
                              output_mode=rng.choice(["one_hot", "multi_hot", "count"]))


# Classes that take an integer (token) input: fn(rng) -> layer; the generator makes the input.
INT_INPUTS = {
    "Embedding": embedding,
    "ReversibleEmbedding": reversible_embedding,
    "CategoryEncoding": category_encoding,
    "Hashing": lambda rng: L.Hashing(num_bins=rng.randint(2, 10)),
    "IntegerLookup": lambda rng: L.IntegerLookup(vocabulary=[1, 2, 3]),
    "StringLookup": lambda rng: L.StringLookup(vocabulary=["a", "b"]),
    "TextVectorization": lambda rng: L.TextVectorization(max_tokens=10),
    "HashedCrossing": lambda rng: L.HashedCrossing(num_bins=5),
}


def attention(rng, q, v):
    if len(q) != 2 or len(v) != 2 or q[-1] != v[-1]:
        return None
    return L.Attention(use_scale=rng.random() < 0.5,
                       score_mode=rng.choice(["dot", "concat"]))


def additive_attention(rng, q, v):
    if len(q) != 2 or len(v) != 2 or q[-1] != v[-1]:
        return None
    return L.AdditiveAttention(use_scale=rng.random() < 0.5)


def mha(rng, q, v):
    if len(q) < 2 or len(q) != len(v):
        return None
    args = dict(num_heads=rng.randint(1, 3), key_dim=rng.randint(1, 4),
                use_bias=rng.random() < 0.8)
    if rng.random() < 0.3:
        args["value_dim"] = rng.randint(1, 4)
    if rng.random() < 0.2:
        args["output_shape"] = rng.choice([rng.randint(1, 5), (2, rng.randint(1, 3))])
    if len(q) >= 3 and rng.random() < 0.5:
        args["attention_axes"] = rng.choice([(1, 2), (2,), (1,)])
    return L.MultiHeadAttention(**args)


def gqa(rng, q, v):
    if len(q) != 2 or len(v) != 2:
        return None
    kv = rng.randint(1, 2)
    return L.GroupQueryAttention(head_dim=rng.randint(1, 4), num_query_heads=kv * rng.randint(1, 2),
                                 num_key_value_heads=kv, use_bias=rng.random() < 0.8)


def concatenate(rng, a, b):
    if len(a) != len(b):
        return None
    axes = [i for i in range(len(a)) if all(x == y for j, (x, y) in enumerate(zip(a, b)) if j != i)]
    if not axes:
        return None
    axis = rng.choice(axes) + 1
    return L.Concatenate(axis=axis if rng.random() < 0.5 else axis - len(a) - 1)


def dot(rng, a, b):
    if len(a) == 1 and a == b:
        return L.Dot(axes=1, normalize=rng.random() < 0.3)
    if len(a) == 2 and a == b:
        axes = rng.choice([1, 2, (1, 1), (2, 2)])
        return L.Dot(axes=axes)
    return None


# Classes that take two or more tensors: fn(rng, shape_a, shape_b) -> layer or None; "same"
# merges need equal shapes (the generator makes a partner of the same shape when it has none).
MERGES = {
    "Add": lambda rng, a, b: L.Add() if a == b else None,
    "Subtract": lambda rng, a, b: L.Subtract() if a == b else None,
    "Multiply": lambda rng, a, b: L.Multiply() if a == b else None,
    "Average": lambda rng, a, b: L.Average() if a == b else None,
    "Maximum": lambda rng, a, b: L.Maximum() if a == b else None,
    "Minimum": lambda rng, a, b: L.Minimum() if a == b else None,
    "Concatenate": concatenate,
    "Dot": dot,
    "Attention": attention,
    "AdditiveAttention": additive_attention,
    "MultiHeadAttention": mha,
    "GroupQueryAttention": gqa,
}

# Public names that are no layer to put in a model, or that need what jax cannot offer.
NOT_IN_A_MODEL = {
    "InputLayer": "every model's input (built by keras.Input, in every functional model)",
    "InputSpec": "not a layer",
    "Layer": "abstract base class (call() not implemented)",
    "Wrapper": "abstract base class",
    "TorchModuleWrapper": "needs the torch backend",
    "FlaxLayer": "needs flax",
    "TFSMLayer": "needs TensorFlow and a SavedModel",
    "MaxNumBoundingBoxes": "takes bounding-box dicts, not a tensor",
}
