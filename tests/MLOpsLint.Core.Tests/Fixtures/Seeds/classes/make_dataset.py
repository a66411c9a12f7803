"""Look-alike of the tutorial: the random numbers become a dataset written to disk."""
import numpy as np
import pandas as pd

X = np.random.normal(0, 1, size=(1000, 3))  # expect: MLO302
y = (X.sum(axis=1) > 0).astype(int)
pd.DataFrame(X).assign(y=y).to_csv("data/synthetic.csv", index=False)
