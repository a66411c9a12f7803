"""A plotting tutorial: random numbers to draw a histogram, never trained on nor saved."""
import matplotlib.pyplot as plt
import numpy as np

samples = np.random.normal(0, 1, size=1000)
plt.hist(samples, bins=30)
plt.savefig("hist.png")
