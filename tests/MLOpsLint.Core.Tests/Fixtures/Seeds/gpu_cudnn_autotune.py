import torch

torch.manual_seed(0)
torch.backends.cudnn.benchmark = True  # expect: MLO306
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
x = torch.randn(3, device=device)
optimizer = torch.optim.SGD([x.requires_grad_()], lr=0.1)  # trains
