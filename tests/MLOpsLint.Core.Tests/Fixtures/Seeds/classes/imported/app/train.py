import torch

from data import split  # expect: MLO302
from model import Net  # expect: MLO302

rows = list(range(100))
train_rows, val_rows = split(rows)
model = Net()
optimizer = torch.optim.Adam(model.parameters())
