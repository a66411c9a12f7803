import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

X = np.zeros((10, 2))
y = np.zeros(10)
early = train_test_split(X, y)  # expect: MLO301
np.random.seed(42)
late = train_test_split(X, y)
clf = RandomForestClassifier()


def fit():
    return RandomForestClassifier().fit(X, y)
