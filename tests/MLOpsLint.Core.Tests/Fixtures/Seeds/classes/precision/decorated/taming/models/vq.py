import torch
import pytorch_lightning as pl

from taming.modules.blocks import Block


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
