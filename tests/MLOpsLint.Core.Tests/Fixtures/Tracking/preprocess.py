import joblib
import pandas as pd
from sklearn.preprocessing import StandardScaler

df = pd.read_csv("data/raw.csv")
scaler = StandardScaler()
scaler.fit(df)
joblib.dump(scaler, "scaler.joblib")
