import torch
import pytorch_lightning as pl

from taming.modules.blocks import Block  # expect: MLO302


class VQModel(pl.LightningModule):
    def __init__(self, channels):
        super().__init__()
        self.block = Block(channels)

    @torch.no_grad()
    def log_images(self, batch, keys=list()):
        return self.block(batch)

    def training_step(self, batch, batch_idx):
        loss = self.block(batch).mean()
        loss.backward()
        return loss


model = VQModel(3)
model.training_step(torch.ones(1, 3, 8, 8), 0)
