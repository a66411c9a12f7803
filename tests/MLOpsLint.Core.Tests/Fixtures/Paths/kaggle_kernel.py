# An offline Kaggle code-competition kernel, built from this repository and uploaded: it installs its packages from
# wheels uploaded as a Kaggle dataset, so it runs on Kaggle only, where /kaggle/input is the same for everyone.
import os
import os.path as osp

MODELS_ROOT = "/kaggle/input/wheat-models"
WHEELS_ROOT = "/kaggle/input/mmdetection-wheels"
INPUT_ROOT = "/kaggle/input/global-wheat-detection"
OUTPUT = "/kaggle/working/submission.csv"


def run(command):
    os.system(command)


for wheel_name in ["mmcv-0.6.2-cp37-cp37m-linux_x86_64.whl", "ensemble_boxes-1.0.0-py3-none-any.whl"]:
    run(f"pip install {osp.join(WHEELS_ROOT, wheel_name)}")

# another platform's mount in the same file is still reported
BACKUP = "/content/drive/MyDrive/wheat/backup.csv"  # expect: MLO502
