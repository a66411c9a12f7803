#!/usr/bin/env bash
# Bootstraps a development machine. Do not run `pip install foo` by hand.
set -euo pipefail

python -m venv .venv
source .venv/bin/activate
pip install --upgrade pip
pip install -r requirements.txt
pip install jupyterlab  # expect: MLO205
pip3 install "black==24.4.2" ruff==0.4.8
if ! command -v conda >/dev/null; then
  echo "conda missing"
fi
conda install -y mamba  # expect: MLO205
cat > notes.md <<NOTES
pip install something-in-a-heredoc
NOTES
sudo -H pip install awscli  # expect: MLO205
