import random

import torch
from torch import nn


def pick_batches(batches):
    random.shuffle(batches)  # expect: MLO302
    return batches


def learning_rate():
    lr = random.uniform(1e-4, 1e-2)
    print(f"lr = {lr}")
    return lr


model = nn.Linear(4, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate())
model(torch.ones(2, 4)).sum().backward()
