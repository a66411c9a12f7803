from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression

X, y = make_classification(n_samples=200, n_features=10)  # expect: MLO301
clf = LogisticRegression().fit(X, y)
print(clf.score(X, y))
