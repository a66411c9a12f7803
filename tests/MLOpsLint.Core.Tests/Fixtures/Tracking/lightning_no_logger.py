import lightning as L

from model import Model

if __name__ == "__main__":
    trainer = L.Trainer(max_epochs=3, logger=False)
    trainer.fit(Model(), train_dataloaders=None)  # expect: MLO701
