import random

import numpy as np
import torch
from numpy.random import default_rng

rng = np.random.default_rng()  # expect: MLO304
rng_seeded = np.random.default_rng(42)
rng2 = default_rng()  # expect: MLO304
legacy = np.random.RandomState()  # expect: MLO304
legacy_seeded = np.random.RandomState(0)
r = random.Random()  # expect: MLO304
r0 = random.Random(0)
sys_rng = random.SystemRandom()
g_chain = torch.Generator().manual_seed(0)
g = torch.Generator()
g.manual_seed(0)
g_unseeded = torch.Generator(device="cpu")  # expect: MLO304
loader_gen = dict(generator=torch.Generator())  # expect: MLO304


def make_rng(seed=None):
    return np.random.default_rng(seed)


# np.random.default_rng() in a comment
text = "random.Random() in a string"
