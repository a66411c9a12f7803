"""Imports data.py but calls only load_rows(), which draws nothing; the module's split() is never run here."""
import torch

import data

rows = data.load_rows("rows.txt")
model = torch.nn.Linear(4, 1)
optimizer = torch.optim.Adam(model.parameters())
