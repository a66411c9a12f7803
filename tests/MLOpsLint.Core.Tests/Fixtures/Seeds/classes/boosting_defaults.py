"""Gradient boosting libraries seed themselves by default (XGBoost seed=0, LightGBM's C++ default seeds, CatBoost
random_seed None -> 0): no finding. scikit-learn's RandomForestClassifier draws from NumPy's global generator."""
import catboost
import lightgbm as lgb
import xgboost as xgb
from sklearn.ensemble import RandomForestClassifier

booster = xgb.XGBClassifier(n_estimators=100, subsample=0.8, colsample_bytree=0.8)
booster.fit(X, y)
gbm = lgb.LGBMClassifier(bagging_fraction=0.8, bagging_freq=1, feature_fraction=0.8)
gbm.fit(X, y)
native = lgb.train({"objective": "binary", "bagging_fraction": 0.8}, lgb.Dataset(X, y))
dtrain = xgb.DMatrix(X, label=y)
bst = xgb.train({"subsample": 0.8}, dtrain)
cat = catboost.CatBoostClassifier(iterations=100, rsm=0.5)
cat.fit(X, y)
forest = RandomForestClassifier(n_estimators=100)  # expect: MLO301
forest.fit(X, y)
