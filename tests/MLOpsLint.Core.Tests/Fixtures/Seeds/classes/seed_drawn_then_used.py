"""The canonical pattern: draw a seed, log it, seed everything with it (the run can be repeated with --seed)."""
import argparse
import random

import numpy as np
import torch

parser = argparse.ArgumentParser()
parser.add_argument("--seed", type=int, default=None)
opt = parser.parse_args()
if opt.seed is None:
    opt.seed = random.randint(1, 10000)
print("Random Seed:", opt.seed)
random.seed(opt.seed)
np.random.seed(opt.seed)
torch.manual_seed(opt.seed)

model = torch.nn.Linear(4, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
noise = torch.randn(8, 4)
idx = np.random.permutation(8)
pick = random.choice([1, 2, 3])
