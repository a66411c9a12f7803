import numpy as np
import tensorflow as tf

train_ds = tf.keras.utils.image_dataset_from_directory("data/train", image_size=(180, 180))  # expect: MLO305
val_ds = tf.keras.utils.image_dataset_from_directory("data/val", image_size=(180, 180))
test_ds = tf.keras.utils.image_dataset_from_directory("data/test", image_size=(180, 180), shuffle=False)
seeded_ds = tf.keras.utils.image_dataset_from_directory("data/train", image_size=(180, 180), seed=1337)
gen = tf.keras.preprocessing.image.ImageDataGenerator(rescale=1.0 / 255)
flow = gen.flow_from_directory("data/train", target_size=(150, 150))
pairs = tf.data.Dataset.from_tensor_slices((features, labels)).shuffle(1000)  # expect: MLO305
rows = tf.data.Dataset.from_tensor_slices(features).shuffle(BUFFER_SIZE, seed=7)
rng = np.random.default_rng(0)
rng.shuffle(order)
for batch in train_ds.take(1):
    print(batch[0].shape)
print(len(val_ds), flow.n, pairs, rows, seeded_ds, test_ds)
