#!/home/alice/venv/bin/python
"""Module docstring mentioning /home/alice/data is documentation."""
import os
from pathlib import Path

DATA = "/home/alice/projects/churn/data/train.csv"  # expect: MLO501
MAC = "/Users/bob/Documents/models/model.pt"  # expect: MLO501
WIN_HOME = r"C:\Users\carol\Desktop\data.csv"  # expect: MLO501
TILDE_USER = "~dave/datasets/images"  # expect: MLO501
COLAB = "/content/drive/MyDrive/kaggle/train.csv"  # expect: MLO502
KAGGLE_IN = "/kaggle/input/titanic/train.csv"  # expect: MLO502
KAGGLE_OUT = "/kaggle/working/submission.csv"  # expect: MLO502
DBFS = "/dbfs/FileStore/tables/train.csv"  # expect: MLO502
DBFS_URI = "dbfs:/mnt/raw/events"  # expect: MLO502
MNT = "/mnt/nfs/datasets/imagenet"  # expect: MLO502
VOLUME = "/Volumes/External/data/train.parquet"  # expect: MLO502
D_DRIVE = "D:\\data\\train.csv"  # expect: MLO503
E_DRIVE = "E:/models/best.ckpt"  # expect: MLO503
cmd = "python train.py --data /home/alice/data/train.csv"  # expect: MLO501
df = pd.read_csv(f"/home/alice/data/{split}.csv")  # expect: MLO501

# look-alikes: none may fire
URL = "https://example.com/home/alice/x"
REMOTE = "alice@host:/home/alice/data"
TEMPLATE = "/home/{}/data".format(os.getlogin())
FTEMPLATE = f"/home/{user}/data"
PERCENT = "/home/%s/data" % user
ENVVAR = "/home/$USER/data"
PLACEHOLDER = "/home/user/data"
PLACEHOLDER2 = "/Users/yourname/data"
HOME = os.path.expanduser("~")
HOME2 = Path.home() / "data"
HERE = Path(__file__).parent / "data" / "train.csv"
TILDE = "~/data/train.csv"
SYSTEM = ["/dev/null", "/usr/bin/env", "/etc/ssl/certs", "/tmp/x", "/proc/self/status"]
WINDOWS_SYS = r"C:\Windows\System32\drivers"
PROGRAM_FILES = r"C:\Program Files\Python311\python.exe"
CONTAINER = "/app/data/train.csv"
JUPYTER = "/home/jovyan/work/data.csv"
WRITE = "w"
RE = r"\d:\d"


def load():
    """Load from /home/alice/data (docstring)."""
    # comment: /home/alice/data
    return DATA


ON_KAGGLE = os.path.exists("/kaggle/input")
IN_COLAB = os.path.isdir("/content/drive")
HELP = "Folder with the images, for example /home/alice/images on the lab machine or a bucket"
