import random

from numpy.random import RandomState
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import RandomizedSearchCV

state = RandomState()  # expect: MLO304
rand = random.Random()  # expect: MLO304
search = RandomizedSearchCV(RandomForestClassifier(random_state=0), {"max_depth": [3, 5, 8]}, random_state=state)
features = rand.sample(range(100), 20)
search.fit(X[:, features], y)
