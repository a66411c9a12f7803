import lightning as L
import numpy as np
import torch

L.seed_everything(42)
x = torch.randn(4)
y = np.random.permutation(10)
