"""Inference: the model's dropout and initial weights do not matter once the weights are loaded."""
import torch

from model import Net

model = Net()
model.load_state_dict(torch.load("model.pt"))
model.eval()
print(model(torch.zeros(1, 4)))
