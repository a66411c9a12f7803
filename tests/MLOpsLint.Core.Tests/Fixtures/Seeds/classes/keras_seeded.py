import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(42)
x = np.random.rand(100, 8)
y = (x.sum(axis=1) > 4).astype("float32")
model = keras.Sequential([layers.Dense(16, activation="relu"), layers.Dropout(0.5), layers.Dense(1)])
model.compile(optimizer="adam", loss="binary_crossentropy")
history = model.fit(x, y, epochs=5, validation_split=0.2)
