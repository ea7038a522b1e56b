"""Layers behind a Lambda whose output shape the file records nowhere (issue 9).

Keras 3's legacy `.h5` save writes no build_config, and a Lambda without `output_shape` records
no output shape: the audit cannot know the input of the layers after it. Their stored weights must
still fit some input together.

- behind_lambda.h5: Input (10, 8) -> Lambda -> Conv1D(4, 3, groups=2) -> BatchNormalization ->
  Dense(3), written by Keras 3.15.1 (jax). Clean: the weights fit 8 input channels.
- behind_lambda_wrong_mean.h5: the same file with BatchNormalization's moving_mean stored as (5,)
  instead of (4,) (h5py): no input makes the four BatchNormalization tensors agree.
- behind_lambda.expected.json: Keras' count_params() and each layer's.

Run from this folder: KERAS_BACKEND=jax python3 make_behind_lambda.py
"""
import json
import shutil

import h5py
import keras
from keras import layers


def twice(t):
    return t * 2.0


def build():
    model = keras.Sequential(
        [
            keras.Input((10, 8)),
            layers.Lambda(twice, name="lam"),
            layers.Conv1D(4, 3, groups=2, name="conv"),
            layers.BatchNormalization(name="bn"),
            layers.Dense(3, name="dense"),
        ],
        name="behind_lambda",
    )
    model.save("behind_lambda.h5")
    expected = {
        "keras_version": keras.__version__,
        "count_params": model.count_params(),
        "layers": {l.name: l.count_params() for l in model.layers},
    }
    with open("behind_lambda.expected.json", "w") as fh:
        json.dump(expected, fh, indent=1)
        fh.write("\n")


def wrong_mean():
    shutil.copyfile("behind_lambda.h5", "behind_lambda_wrong_mean.h5")
    with h5py.File("behind_lambda_wrong_mean.h5", "r+") as f:
        group = f["model_weights/bn/behind_lambda/bn"]
        del group["moving_mean"]
        group.create_dataset("moving_mean", data=[0.0] * 5, dtype="float32")


if __name__ == "__main__":
    build()
    wrong_mean()
