import lightgbm as lgb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

model = LogisticRegression(max_iter=1000).fit(X_train, y_train)  # expect: MLO701
print(f"lr auc = {roc_auc_score(y_val, model.predict_proba(X_val)[:, 1]):.4f}")
booster = lgb.LGBMClassifier(n_estimators=200).fit(X_train, y_train)
print(f"lgb auc = {roc_auc_score(y_val, booster.predict_proba(X_val)[:, 1]):.4f}")
