import random

import numpy as np
import torch
import tensorflow as tf


def main():
    random.seed(0)
    np.random.seed(0)
    torch.manual_seed(0)
    tf.random.set_seed(0)
    print(np.random.rand(3), random.random(), torch.randn(2), tf.random.uniform([2]))


if __name__ == "__main__":
    main()
