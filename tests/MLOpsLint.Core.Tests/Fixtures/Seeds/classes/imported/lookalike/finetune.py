"""Imports lookalike/model.py (no randomness), not the app/model.py of the same name elsewhere in the repository."""
import torch

from model import Net

model = Net()
optimizer = torch.optim.Adam(model.parameters())
