"""Install what the training job needs, then train."""
import os
import subprocess
import sys

PACKAGE = "lightgbm==4.3.0"

subprocess.check_call([sys.executable, "-m", "pip", "install", "-U", "pip"])
subprocess.check_call([sys.executable, "-m", "pip", "install", "xgboost"])  # expect: MLO205
subprocess.run(["pip", "install", "--quiet", "catboost==1.2.5", "optuna"], check=True)  # expect: MLO205
subprocess.run(
    ["pip", "install",
     "shap>=0.45"],  # expect: MLO205
    check=True,
)
subprocess.run(["pip", "install", PACKAGE], check=True)
subprocess.run(["pip", "install", "-r", "requirements.txt"], check=True)
subprocess.run("pip install polars", shell=True)  # expect: MLO205
subprocess.run("pip install polars")
os.system("pip install mlflow && python train.py")  # expect: MLO205
os.system(f"pip install {PACKAGE}")
os.system("echo pip install nothing")
print("pip install rich")
# os.system("pip install commented")
subprocess.run(["pip", "list"], check=True)
subprocess.run(["uv", "pip", "install", "ruff==0.4.8"], check=True)
subprocess.run(["pip", "install", "git+https://github.com/org/tool@main"], check=True)  # expect: MLO211
