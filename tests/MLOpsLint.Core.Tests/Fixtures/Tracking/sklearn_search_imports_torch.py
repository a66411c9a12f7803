import catboost as cat
import torch
import torch.nn.functional as F
from sklearn.model_selection import RandomizedSearchCV


def main():
    x, y, x_test = load()
    x = F.softmax(torch.tensor(x), dim=1).numpy()
    search = RandomizedSearchCV(cat.CatBoostClassifier(verbose=False), param_distributions={"depth": [3, 6]}, n_iter=2, random_state=42)
    search.fit(x, y)  # expect: MLO701
    print(search.best_score_, search.best_params_)
    print(search.score(x, y))


if __name__ == "__main__":
    main()
