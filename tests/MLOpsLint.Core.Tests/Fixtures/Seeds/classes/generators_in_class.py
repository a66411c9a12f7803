import numpy as np
import torch


class Augmenter:
    def __init__(self):
        self.rng = np.random.default_rng()
        self.other = np.random.default_rng()  # expect: MLO304

    def reset(self, seed):
        self.rng = np.random.default_rng(seed)


class EpochSampler:
    def __init__(self, data, generator=None, seed=0):
        self.data = data
        self.generator = generator
        self.seed = seed
        self.epoch = 0

    def __iter__(self):
        self.generator.manual_seed(self.seed + self.epoch)
        return iter(torch.randperm(len(self.data), generator=self.generator).tolist())


sampler = EpochSampler(list(range(10)), generator=torch.Generator())
g = torch.Generator()
batches = BatchSampler(dataset, batch_size=4, generator=g, seed=12)
loose = torch.Generator()  # expect: MLO304
order = torch.randperm(10, generator=loose)
