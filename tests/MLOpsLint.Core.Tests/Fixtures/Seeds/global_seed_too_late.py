import numpy as np
import tensorflow as tf

a = np.random.rand(3)  # expect: MLO302
np.random.seed(1)
b = np.random.rand(3)
t = tf.random.uniform([2], seed=3)
u = tf.random.normal([2])  # expect: MLO302
np.save("samples.npy", a)  # writes the samples out: the draws matter
