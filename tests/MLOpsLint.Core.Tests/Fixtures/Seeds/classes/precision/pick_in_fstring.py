import random

import torch
from torch import nn

files = sorted(open("index.txt").read().split())
text = open(f"data/{random.choice(files)}").read()  # expect: MLO302
model = nn.Linear(4, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
model(torch.ones(2, 4)).sum().backward()
