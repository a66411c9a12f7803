import torch
from torch import nn

import wandb


def main():
    run = wandb.init(project="mnist", config={"lr": 0.1})
    model = nn.Linear(784, 10)
    optimizer = torch.optim.SGD(model.parameters(), lr=run.config.lr)
    for step in range(100):
        x, y = torch.randn(64, 784), torch.randint(0, 10, (64,))
        optimizer.zero_grad()
        loss = nn.functional.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
        wandb.log({"loss": loss.item()}, step=step)


if __name__ == "__main__":
    main()
