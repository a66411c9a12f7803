"""Look-alike of the tracing script: the training noise is unseeded; the export input at the end is not counted."""
import torch

model = torch.nn.Linear(4, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for step in range(100):
    x = torch.randn(8, 4)  # expect: MLO302
    loss = model(x).pow(2).mean()
    loss.backward()
    optimizer.step()
torch.onnx.export(model, torch.randn(1, 4), "model.onnx")
