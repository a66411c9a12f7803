"""Synthetic inputs: tracing and exporting a trained model, timing it, a tensor demo. Nothing to reproduce."""
import time

import torch
import torchvision

model = torchvision.models.resnet18(weights=None).eval()
traced = torch.jit.trace(model, torch.rand(1, 3, 224, 224))
dummy_input = torch.randn(1, 3, 224, 224)
torch.onnx.export(model, dummy_input, "resnet18.onnx")
x = torch.randn(16, 3, 224, 224)
start = time.time()
with torch.no_grad():
    model(x)
print("latency", time.time() - start)


def benchmark(n):
    batch = torch.rand(n, 3, 224, 224)
    return model(batch)
