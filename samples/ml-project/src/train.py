import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier as RFC
from sklearn.model_selection import train_test_split

DATA = "/Users/alice/Downloads/train.csv"

df = pd.read_csv(DATA)
X_train, X_test, y_train, y_test = train_test_split(df.drop(columns="y"), df["y"], test_size=0.2)
noise = np.random.normal(size=len(X_train))
clf = RFC(n_estimators=200)
clf.fit(X_train, y_train)
