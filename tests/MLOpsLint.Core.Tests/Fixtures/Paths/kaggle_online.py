# Look-alike: a training script that reads Kaggle's mount and pip-installs a package from PyPI (no wheels on the
# mount): nothing says it runs on Kaggle only, so its paths are reported.
import subprocess

subprocess.run("pip install timm==0.9.2", shell=True, check=True)
TRAIN = "/kaggle/input/global-wheat-detection/train.csv"  # expect: MLO502
WEIGHTS = "/kaggle/input/wheels-detector-weights/best.pth"  # expect: MLO502
