"""Training script with credentials in every shape; @@ markers are filled with generated secrets."""
import os
import wandb
from huggingface_hub import login

GITHUB_TOKEN = "@@GITHUB@@"  # expect: MLO401
HF_TOKEN = "@@HF@@"  # expect: MLO401
login(token="@@HF@@")  # expect: MLO401
wandb.login(key="@@WANDB@@")  # expect: MLO401
os.environ["WANDB_API_KEY"] = "@@WANDB@@"  # expect: MLO401
openai_key = "@@OPENAI_PROJ@@"  # expect: MLO401
client_args = {"api_key": "@@ANTHROPIC@@"}  # expect: MLO401
aws_access_key_id = "@@AWS_ID@@"  # expect: MLO401
aws_secret_access_key = "@@AWS_SECRET@@"  # expect: MLO401
DB_URL = "postgresql://trainer:Xk9!pQ2vLm@db.internal:5432/features"  # expect: MLO403
MONGO = "mongodb+srv://ml:Tz8vQw3rNp@cluster0.abcde.mongodb.net/db"  # expect: MLO403
db_password = "hunter22x"  # expect: MLO404
conn = connect(host="db", password="Qw7zXc9Vb2")  # expect: MLO404
settings = {"client_secret": "@@TOKEN32@@"}  # expect: MLO404
token = os.getenv("API_TOKEN", "@@TOKEN32@@")  # expect: MLO404
headers = {"Authorization": "Bearer @@TOKEN32@@"}  # expect: MLO404
# a token pasted in a comment still leaks: @@NPM@@  expect: MLO401

# look-alikes: none of these may fire
BAD_CHECKSUM = "@@GITHUB_BAD@@"
EXAMPLE_ID = "AKIAIOSFODNN7EXAMPLE"
EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
env_token = os.environ["HF_TOKEN"]
env_token2 = os.getenv("HF_TOKEN")
api_key = "YOUR_API_KEY"
password = "changeme"
secret = "<token>"
token_placeholder = "xxxxxxxxxxxxxxxxxxxxxxxx"
masked = "***"
ellipsis_token = "..."
dummy_password = "dummy"
template = "{{ secrets.HF_TOKEN }}"
percent = "%(password)s"
url_template = f"postgresql://{user}:{password}@{host}/db"
url_placeholder = "postgresql://user:password@localhost/db"
commit = "3f2b8c9d0e1a4b5c6d7e8f9a0b1c2d3e4f5a6b7c"
run_id = "3f2b8c9d-0e1a-4b5c-6d7e-8f9a0b1c2d3e"
max_tokens = "4096"
token_url = "https://oauth2.googleapis.com/token"
password_field = "password"
PASSWORD_ENV = "DB_PASSWORD"
tokenizer = "bert-base-uncased"
secret_name = "projects/ml/secrets/hf-token/versions/latest"
sha = "@@HEX40@@"
auth_header = f"Bearer {token}"
auth_header2 = "Bearer " + token
auth_doc = "Authorization: Bearer YOUR_ACCESS_TOKEN_HERE"
auth_short = "Bearer abc123"
