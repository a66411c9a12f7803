"""Look-alike: a number drawn before seeding that is not the seed, and a seed that covers NumPy only."""
import random

import numpy as np
import torch

run_id = random.randint(1, 10000)  # expect: MLO302
seed = np.random.randint(1e6)
np.random.seed(seed)
idx = np.random.permutation(8)
model = torch.nn.Linear(4, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
noise = torch.randn(8, 4)  # expect: MLO302
