import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)
        self.drop = nn.Dropout(0.5)  # expect: MLO302


model = Net()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for batch in range(3):
    loss = model(torch.ones(1, 4)).sum()
    loss.backward()
    opt.step()
