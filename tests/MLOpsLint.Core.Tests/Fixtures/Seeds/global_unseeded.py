"""An augmentation script that never seeds anything."""
import random

import numpy as np
import torch
from numpy.random import shuffle

indices = np.arange(100)
np.random.shuffle(indices)  # expect: MLO302
noise = np.random.normal(0, 1, size=10)
shuffle(indices)
pick = random.choice([1, 2, 3])  # expect: MLO302
x = torch.rand(3, 4)  # expect: MLO302
perm = torch.randperm(10, generator=torch.Generator().manual_seed(0))
rng = np.random.default_rng(42)
y = rng.normal(size=3)
r = random.Random(0)
z = r.random()
# np.random.rand(3) in a comment
print("np.random.rand(3) in a string")

if __name__ == "__main__":
    print(x, y, z)
    np.save("augmented.npy", noise)  # writes the augmented data: its draws matter
