import torch
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
ds = TensorDataset(torch.zeros(10, 2))
train = DataLoader(ds, batch_size=4, shuffle=True, num_workers=2)

if __name__ == "__main__":
    for (xb,) in train:
        print(xb)
