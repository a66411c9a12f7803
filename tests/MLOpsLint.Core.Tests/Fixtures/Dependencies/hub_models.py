"""Load models and data for the churn classifier.

AutoModel.from_pretrained("bert-base-uncased") in a docstring is not a call.
"""
import os
from pathlib import Path

import torch
import transformers as tf
from transformers import AutoModelForSequenceClassification, AutoTokenizer, pipeline
from diffusers import StableDiffusionPipeline
from datasets import load_dataset
from huggingface_hub import hf_hub_download, snapshot_download
from sentence_transformers import SentenceTransformer
from peft import PeftModel

COMMIT = "86b5e0934494bd15c9632b12f734a8a67f723594"
MODEL_DIR = "./artifacts/model"

# Must fire: no revision (MLO213).
tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")  # expect: MLO213
model = AutoModelForSequenceClassification.from_pretrained(  # expect: MLO213
    "distilbert/distilbert-base-uncased",
    num_labels=2,
)
base = tf.AutoModel.from_pretrained("roberta-base", revision=None)  # expect: MLO213
pipe = StableDiffusionPipeline.from_pretrained("stabilityai/stable-diffusion-2-1", torch_dtype=torch.float16)  # expect: MLO213
clf = pipeline("text-classification", model="cardiffnlp/twitter-roberta-base-sentiment")  # expect: MLO213
summarizer = pipeline("summarization")  # expect: MLO213
ner = tf.pipeline(task="ner", model="dslim/bert-base-NER", revision=COMMIT)
squad = load_dataset("rajpurkar/squad", split="train")  # expect: MLO213
weights = hf_hub_download("openai/whisper-tiny", "model.safetensors")  # expect: MLO213
snap = snapshot_download(repo_id="mistralai/Mistral-7B-v0.1", allow_patterns=["*.json"])  # expect: MLO213
embedder = SentenceTransformer("sentence-transformers/all-MiniLM-L6-v2")  # expect: MLO213
midas = torch.hub.load("intel-isl/MiDaS", "MiDaS_small")  # expect: MLO213
adapter = PeftModel.from_pretrained(model, "ybelkada/opt-350m-lora")  # expect: MLO213

# A branch or tag (MLO214).
bert = AutoModelForSequenceClassification.from_pretrained("bert-base-cased", revision="main")  # expect: MLO214
data = load_dataset(
    "stanfordnlp/imdb",
    revision="refs/convert/parquet",  # expect: MLO214
)
resnet = torch.hub.load("pytorch/vision:v0.10.0", "resnet18", weights=None)  # expect: MLO214
card = hf_hub_download(repo_id="google/flan-t5-small", filename="README.md", revision="v1.0")  # expect: MLO214

# Look-alikes that must stay silent.
pinned = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased", revision="86b5e0934494bd15c9632b12f734a8a67f723594")
pinned_tok = AutoTokenizer.from_pretrained("bert-base-uncased", revision=COMMIT)
local = AutoModelForSequenceClassification.from_pretrained("./artifacts/model")
local2 = AutoTokenizer.from_pretrained(MODEL_DIR)
local3 = AutoTokenizer.from_pretrained(os.path.join("artifacts", "model"))
local4 = AutoTokenizer.from_pretrained(Path("artifacts") / "model")
local5 = AutoTokenizer.from_pretrained("/models/bert")
local6 = AutoTokenizer.from_pretrained("~/models/bert")
local7 = AutoTokenizer.from_pretrained("C:\\models\\bert")
local8 = AutoTokenizer.from_pretrained("artifacts/checkpoints/best")
offline = AutoTokenizer.from_pretrained("bert-base-uncased", local_files_only=True)
kwargs = {"revision": COMMIT}
forwarded = AutoTokenizer.from_pretrained("bert-base-uncased", **kwargs)
name = f"bert-{'base'}-uncased"
dynamic = AutoTokenizer.from_pretrained(f"bert-{name}")
csv = load_dataset("csv", data_files="data/train.csv")
parquet = load_dataset("parquet", data_files={"train": "train.parquet"})
local_data = load_dataset("./data/my_dataset")
repo_hub = torch.hub.load("pytorch/vision:d3c3d0b2bd8b0ea4dd1b6e4bc0b7b6e55b7f1c2a", "resnet18")
local_hub = torch.hub.load("./hubconf_dir", "custom", source="local")
local_hub2 = torch.hub.load("ultralytics/yolov5", "custom", source="local")
tagged_variable = AutoTokenizer.from_pretrained("bert-base-uncased", revision=os.environ["MODEL_REVISION"])
configured = pipeline("text-classification", model=model, tokenizer=tokenizer)


class Vocabulary:
    @classmethod
    def from_pretrained(cls, path):
        return cls()


class Wrapper(AutoModelForSequenceClassification):
    @classmethod
    def from_pretrained(cls, name, **kwargs):
        return super().from_pretrained(name, **kwargs)


vocab = Vocabulary.from_pretrained("vocab-v2")
wrapped = Wrapper.from_pretrained("bert-base-uncased")  # expect: MLO213
