# Look-alike: a wheels folder on the mount, but nothing installed from it (no pip install): still reported.
WHEELS = "/kaggle/input/mmdetection-wheels"  # expect: MLO502
TRAIN = "/kaggle/input/global-wheat-detection/train.csv"  # expect: MLO502
