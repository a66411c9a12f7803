import torch
from torch import nn


class Block(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3)
        self.dropout = nn.Dropout(0.1)

    def forward(self, x):
        return self.dropout(self.conv(x)) + torch.randn_like(x)
