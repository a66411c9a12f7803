"""Training script: scikit-learn calls with and without random_state."""
import numpy as np
import sklearn.ensemble
from sklearn.cluster import KMeans
from sklearn.datasets import make_classification
from sklearn.ensemble import RandomForestClassifier as RFC
from sklearn.ensemble._forest import ExtraTreesClassifier
from sklearn.inspection import permutation_importance
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold, StratifiedKFold, ShuffleSplit, StratifiedGroupKFold, train_test_split
from sklearn.svm import SVC
from sklearn import model_selection as ms

SEED = 7

X, y = make_classification(n_samples=500)  # expect: MLO301
X2, y2 = make_classification(n_samples=500, random_state=SEED)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)  # expect: MLO301
a, b = train_test_split(X, test_size=0.2, shuffle=False)
c, d = ms.train_test_split(X, y, random_state=0)
e, f = ms.train_test_split(X, y)  # expect: MLO301

clf = RFC(n_estimators=100)  # expect: MLO301
clf2 = RFC(n_estimators=100, random_state=SEED)
forest = sklearn.ensemble.RandomForestClassifier(  # expect: MLO301
    n_estimators=200,
    max_depth=8,
)
trees = ExtraTreesClassifier()  # expect: MLO301
km = KMeans(n_clusters=3).fit(X)  # expect: MLO301
km_given = KMeans(n_clusters=3, init=np.zeros((3, 20)), n_init=1)

cv_plain = KFold(n_splits=5)
cv_shuffled = KFold(n_splits=5, shuffle=True)  # expect: MLO301
cv_seeded = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
cv_variable = StratifiedKFold(n_splits=5, shuffle=SEED > 0)
group_cv = StratifiedGroupKFold(5, True)  # expect: MLO301
group_cv_seeded = StratifiedGroupKFold(5, True, SEED)
ss = ShuffleSplit(n_splits=3)  # expect: MLO301

lr = LogisticRegression(max_iter=1000)
lr_saga = LogisticRegression(solver="saga")  # expect: MLO301
svc = SVC(kernel="rbf")
svc_proba = SVC(probability=True)  # expect: MLO301

result = permutation_importance(  # expect: MLO301
    clf, X_test, y_test, n_repeats=10)

params = {"n_estimators": 10, "random_state": SEED}
clf3 = RFC(**params)


def build(random_state=None):
    return RFC(n_estimators=10, random_state=random_state)


def split(X, y, random_state=None):
    return train_test_split(X, y, random_state=random_state)


def forgot(X, y, seed=0):
    return train_test_split(X, y)  # expect: MLO301


# train_test_split(X, y) in a comment is not a call
doc = "RFC() and train_test_split(X, y) in a string are not calls"
clf4 = RFC()  # noqa: MLO301
