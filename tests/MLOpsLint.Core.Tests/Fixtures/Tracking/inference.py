import pickle
import sys

import pandas as pd

with open("model.pkl", "rb") as f:
    model = pickle.load(f)
df = pd.read_csv(sys.argv[1])
scaler_ready = df.fillna(0)
print(model.predict(scaler_ready))
