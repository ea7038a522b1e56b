"""Random valid options for the layers that work over spatial dimensions (convolutions,
pooling, cropping, padding, upsampling, spatial dropout), for a given input shape (no batch)."""

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
