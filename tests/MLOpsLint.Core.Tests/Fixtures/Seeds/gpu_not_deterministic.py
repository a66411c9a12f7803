import numpy as np
import torch

np.random.seed(0)
torch.manual_seed(0)  # expect: MLO306
model = torch.nn.Linear(2, 2).cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)  # trains
