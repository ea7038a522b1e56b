"""HDF5 layouts of issue 13, point 5: header sizes no file can hold, and what h5py and Keras 3 write
that jHDF 0.10.0 could not read (bfloat16 weights; attributes in dense storage, libver='latest').

README.md says what each file is; MalformedFilesTest pins its exit code and message.

Run from this folder: KERAS_BACKEND=jax python3 make_hdf5.py (Keras 3.15.1, jax, h5py).
"""
import os
import shutil
import struct

os.environ.setdefault("KERAS_BACKEND", "jax")

import h5py
import keras

SEED = "../../keras/seed_cnn.h5"
KERNEL = "model_weights/conv2d_1/sequential/conv2d_1/kernel"
TWO_GB = 0x7FFFFFF0


def header_size(path, address_of):
    """SEED with the size field of one version-1 object header (offset 8 in it) set to 2 GB."""
    shutil.copyfile(SEED, path)
    with h5py.File(path) as f:
        address = address_of(f)
    with open(path, "r+b") as f:
        f.seek(address)
        assert f.read(1) == b"\x01", "a version-1 object header"
        f.seek(address + 8)
        f.write(struct.pack("<I", TWO_GB))


# The root group's object header: its address is in the superblock's root symbol table entry.
header_size("root_header_2gb.h5", lambda f: struct.unpack("<Q", open(SEED, "rb").read()[64:72])[0])
# The header of one weight dataset.
header_size("dataset_header_2gb.h5", lambda f: h5py.h5o.get_info(f[KERNEL].id).addr)

# Keras 3 with bfloat16 weights: h5py stores ml_dtypes' bfloat16 as an opaque type with an empty tag.
keras.utils.set_random_seed(1)
model = keras.Sequential(
    [
        keras.Input((4,)),
        keras.layers.Dense(3, dtype="bfloat16", name="half"),
        keras.layers.Dense(2, name="full"),
    ]
)
model.save("bfloat16.h5")
model.save("bfloat16.keras")

# SEED copied with libver='latest' and every group's attributes in dense storage (a fractal heap
# and a B-tree instead of header messages), creation order tracked.
fapl = h5py.h5p.create(h5py.h5p.FILE_ACCESS)
fapl.set_libver_bounds(h5py.h5f.LIBVER_LATEST, h5py.h5f.LIBVER_LATEST)
gcpl = h5py.h5p.create(h5py.h5p.GROUP_CREATE)
gcpl.set_attr_phase_change(0, 0)
gcpl.set_attr_creation_order(h5py.h5p.CRT_ORDER_TRACKED)
fid = h5py.h5f.create(b"dense_attributes.h5", h5py.h5f.ACC_TRUNC, fapl=fapl)
with h5py.File(fid) as out, h5py.File(SEED) as src:
    for k, v in src.attrs.items():
        out.attrs[k] = v

    def copy(name, obj):
        if isinstance(obj, h5py.Group):
            h5py.h5g.create(out.id, name.encode(), gcpl=gcpl)
        else:
            out.create_dataset(name, data=obj[()])
        for k, v in obj.attrs.items():
            out[name].attrs[k] = v

    src.visititems(copy)
with h5py.File("dense_attributes.h5") as f:
    assert f["model_weights"].id.get_create_plist().get_attr_phase_change() == (0, 0)
