"""A subclassed Keras model saved by Keras 3.15.1 itself: its config.json lists no layers.

Run from this folder: KERAS_BACKEND=jax python3 make_subclassed.py. Writes
subclassed_model.keras and subclassed_model.txt (Keras' own count_params and the number of
datasets its model.weights.h5 holds outside the optimizer and metrics).
"""
import zipfile
import io

import h5py
import keras
from keras import layers


@keras.saving.register_keras_serializable(package="Fixture")
class TwoTowers(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.encoder = layers.Dense(6, name="encoder")
        self.norm = layers.BatchNormalization(name="norm")
        self.head = layers.Dense(2, name="head")

    def call(self, x):
        return self.head(self.norm(self.encoder(x)))


keras.utils.set_random_seed(1234)
model = TwoTowers(name="two_towers")
model(keras.ops.ones((1, 5)))
model.save("subclassed_model.keras")
with zipfile.ZipFile("subclassed_model.keras") as z:
    with h5py.File(io.BytesIO(z.read("model.weights.h5")), "r") as f:
        stored = []
        f.visititems(lambda n, o: stored.append(o.size) if isinstance(o, h5py.Dataset)
                     and n.split("/")[0] not in ("optimizer", "metrics") else None)
with open("subclassed_model.txt", "w") as fh:
    fh.write(f"count_params {model.count_params()}\nstored_datasets {len(stored)}\nstored_params {sum(stored)}\n")
print(open("subclassed_model.txt").read())
