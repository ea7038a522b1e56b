"""Random valid instances of the classes that take integer inputs (INT_INPUTS) or two tensors
(MERGES), and the public names that take no place in a model under jax (NOT_IN_A_MODEL)."""

from keras import layers as L


def lora(rng):
    return {"lora_rank": rng.randint(1, 2)} if rng.random() < 0.1 else {}


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
