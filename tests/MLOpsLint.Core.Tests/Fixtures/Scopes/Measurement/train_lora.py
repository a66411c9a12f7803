"""Fine-tune a causal language model with LoRA on English quotes and save the adapter.

    python train_lora.py facebook/opt-125m --rank 8 --epochs 3
"""

import argparse

import torch
from datasets import load_dataset
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, AutoTokenizer


def train(model_id, rank, epochs, output_dir):
    torch.manual_seed(0)
    tokenizer = AutoTokenizer.from_pretrained(model_id)
    model = AutoModelForCausalLM.from_pretrained(model_id).to("cuda")
    model = get_peft_model(model, LoraConfig(r=rank, target_modules=["q_proj", "v_proj"]))
    data = load_dataset("ybelkada/english_quotes_copy")  # expect: MLO213
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)

    for epoch in range(epochs):
        for row in data["train"]:
            batch = tokenizer(row["quote"], return_tensors="pt").to("cuda")
            loss = model(**batch, labels=batch["input_ids"]).loss
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
        print(f"epoch {epoch} loss {loss.item():.4f}")

    model.save_pretrained(output_dir)
    # the peak memory is logged for the record: the script still trains
    print(f"max memory allocated: {torch.cuda.max_memory_allocated() // 2**20}MB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("model_id")
    parser.add_argument("--rank", type=int, default=8)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--output_dir", default="lora-adapter")
    args = parser.parse_args()
    train(args.model_id, args.rank, args.epochs, args.output_dir)
