"""Experience replay memory for a DQN agent: stores transitions and samples minibatches to train on."""

import random
from collections import deque, namedtuple

import torch
from datasets import load_dataset

Transition = namedtuple("Transition", ("state", "action", "next_state", "reward"))


class ReplayMemory:
    def __init__(self, capacity):
        self.memory = deque([], maxlen=capacity)

    def push(self, *args):
        self.memory.append(Transition(*args))

    def sample(self, batch_size):
        return random.sample(self.memory, batch_size)

    def __len__(self):
        return len(self.memory)


def warm_start(memory):
    # expert demonstrations to fill the memory before training
    demos = load_dataset("edbeeching/decision_transformer_gym_replay")  # expect: MLO213
    for row in demos["train"]:
        memory.push(row["observations"], row["actions"], row["next_observations"], row["rewards"])


if __name__ == "__main__":
    memory = ReplayMemory(10000)
    warm_start(memory)
    print(f"{len(memory)} transitions, {torch.cuda.memory_allocated() // 2**20}MB on the GPU")
