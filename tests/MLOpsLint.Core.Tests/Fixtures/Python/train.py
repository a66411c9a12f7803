import os
import numpy as np
import torch, random as rnd
from sklearn.ensemble import RandomForestClassifier as RFC
from sklearn.model_selection import train_test_split
from . import utils
try:
    import cPickle as pickle
except ImportError:
    import pickle

API_KEY = "sk-test-1234"
DB: str = 'postgres://u:p@h/db'
cfg = {}
cfg["password"] = "hunter2"
os.environ["WANDB_API_KEY"] = "abc" "def"
torch.backends.cudnn.benchmark = True
msg = f"user:{pw}@host\t{{x}}"
raw = rb"\x00\n"
esc = "caf\u00e9\n\x41"


def set_seed(seed: int = 42, *args, **kwargs):
    rnd.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


class Trainer:
    def fit(self, X, y):
        from sklearn.linear_model import LogisticRegression
        return LogisticRegression(C=1.0).fit(X, y)


X_train, X_test = train_test_split(X, y, test_size=0.2, random_state=None)
model = RFC(n_estimators=100, **params)
g = torch.Generator().manual_seed(0)
print(np.random.rand(3), *rest)
