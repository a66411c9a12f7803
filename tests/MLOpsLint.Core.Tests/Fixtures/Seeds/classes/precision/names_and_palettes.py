import colorsys
import os
import random

import torch
from torch import nn


def random_colors(n):
    colors = [colorsys.hsv_to_rgb(i / n, 1, 1) for i in range(n)]
    random.shuffle(colors)
    return colors


def graph_scope():
    # a unique name for a temporary graph or file, not a number a result depends on
    prefix = f"{random.randrange(2**32)}_{random.randrange(2**32)}"
    tmp = os.path.join("/tmp", "run_" + str(random.randint(0, 10**9)))
    return prefix, tmp


model = nn.Linear(4, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
model(torch.ones(2, 4)).sum().backward()
