import pickle

import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

df = pd.read_csv("data/train.csv")  # expect: MLO702
X, y = df.drop(columns=["label"]), df["label"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
model = RandomForestClassifier(n_estimators=100, random_state=0)
model.fit(X_train, y_train)  # expect: MLO701
print("accuracy", accuracy_score(y_test, model.predict(X_test)))
with open("model.pkl", "wb") as f:
    pickle.dump(model, f)
