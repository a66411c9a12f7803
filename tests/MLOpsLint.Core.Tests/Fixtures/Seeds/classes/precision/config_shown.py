import numpy as np
import yaml

config = yaml.safe_load(open("config.yaml"))
print(yaml.dump(config))
noise = np.random.normal(size=(8, 8))
print(noise.mean())
