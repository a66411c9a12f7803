import numpy as np


def split(rows, val_fraction=0.2):
    order = np.random.permutation(len(rows))
    cut = int(len(rows) * (1 - val_fraction))
    return [rows[i] for i in order[:cut]], [rows[i] for i in order[cut:]]
