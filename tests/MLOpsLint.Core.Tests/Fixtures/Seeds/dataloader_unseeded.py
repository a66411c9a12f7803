import torch
from torch.utils.data import DataLoader, RandomSampler, TensorDataset

ds = TensorDataset(torch.zeros(10, 2))
train = DataLoader(ds, batch_size=4, shuffle=True)  # expect: MLO305
train_workers = DataLoader(ds, batch_size=4, shuffle=True, num_workers=4)  # expect: MLO305
val = DataLoader(ds, batch_size=4)
val2 = DataLoader(ds, batch_size=4, shuffle=False)
seeded = DataLoader(ds, batch_size=4, shuffle=True, generator=torch.Generator().manual_seed(0))
positional = DataLoader(ds, 4, True)  # expect: MLO305
sampler = RandomSampler(ds)  # expect: MLO305
cfg = {"batch_size": 4, "shuffle": True}
from_cfg = DataLoader(ds, **cfg)


def make_loader(dataset, shuffle):
    return DataLoader(dataset, batch_size=8, shuffle=shuffle)


for (xb,) in train:
    print(xb)
batches = [list(train_workers), list(positional), list(sampler)]
