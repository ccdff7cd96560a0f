"""Dense retrieval with a local sentence-transformers directory (``corpus add --dense-model``):
a tiny random BERT model built in the test, never downloaded."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newscheck.corpus import add_paths, open_corpus
from newscheck.corpus.index import BM25Index
from newscheck.errors import DenseModelError

pytest.importorskip("bm25s")
pytest.importorskip("torch")
st = pytest.importorskip("sentence_transformers")
transformers = pytest.importorskip("transformers")

pytestmark = pytest.mark.dense

DOCS = [
    {"id": "a", "title": "Harbour bridge reopens", "published": "2023-04-02",
     "text": "The Harwick harbour bridge reopened to traffic on Saturday after two years of "
             "repairs."},
    {"id": "b", "title": "Zoo welcomes cubs", "published": "2024-06-01",
     "text": "The Rendsburg zoo welcomed two snow leopard cubs this spring, its director said."},
]
CLAIM = "The Rendsburg zoo welcomed two snow leopard cubs this spring, officials say."


def _tiny_model(root: Path) -> Path:
    """A 1-layer, 16-dimension random BERT with a word-piece vocabulary of the test's words,
    saved as a sentence-transformers directory (Transformer + mean Pooling)."""
    import torch

    torch.manual_seed(0)
    words = sorted({w for d in DOCS for w in re.findall(r"\w+", d["text"].lower())}
                   | set(re.findall(r"\w+", CLAIM.lower())))
    hf = root / "hf"
    hf.mkdir(parents=True)
    (hf / "vocab.txt").write_text(
        "\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]) + "\n", encoding="utf-8")
    tokenizer = transformers.BertTokenizer(str(hf / "vocab.txt"))
    config = transformers.BertConfig(vocab_size=len(words) + 5, hidden_size=16,
                                     num_hidden_layers=1, num_attention_heads=2,
                                     intermediate_size=32, max_position_embeddings=128)
    transformers.BertModel(config).save_pretrained(hf)
    tokenizer.save_pretrained(hf)
    try:   # sentence-transformers 6 moved the modules; 3-5 have them in .models
        from sentence_transformers.sentence_transformer import modules
    except ImportError:
        from sentence_transformers import models as modules  # type: ignore[no-redef]
    body = modules.Transformer(str(hf), max_seq_length=64)
    pooling = modules.Pooling(config.hidden_size, pooling_mode="mean")
    out = root / "st-model"
    st.SentenceTransformer(modules=[body, pooling], device="cpu").save(str(out))
    return out


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _tiny_model(tmp_path_factory.mktemp("tiny"))


def _jsonl(path: Path) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in DOCS) + "\n", encoding="utf-8")
    return path


def _cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "newscheck.cli", *args], capture_output=True,
                          timeout=180)


def test_vectors_and_search_use_the_model(tmp_path: Path, model: Path) -> None:
    import numpy as np

    d = tmp_path / "c"
    add_paths(d, [_jsonl(tmp_path / "docs.jsonl")], dense_model=model)
    index = BM25Index(d)
    assert index.dense and index.model == str(model.resolve())
    stored = np.load(d / "index" / index.names[0] / "dense.npy")
    c = open_corpus(d)
    try:
        pids = [int(p) for p in np.load(d / "index" / index.names[0] / "pids.npy")]
        texts = [c.store.passages(pids)[p].text for p in pids]
    finally:
        c.close()
    expected = st.SentenceTransformer(str(model), device="cpu").encode(
        texts, normalize_embeddings=True)
    assert stored.shape == (len(texts), 16)
    assert np.allclose(stored.astype("float32"), expected, atol=2e-3)
    # "welcomed" is in one passage only (BM25); the fused dense ranking brings every passage
    (hits,) = index.search(["welcomed"], 5)
    assert {pid for pid, _ in hits} == set(pids)


def test_cli_add_then_check(tmp_path: Path, model: Path) -> None:
    d = tmp_path / "c"
    proc = _cli("corpus", "add", str(_jsonl(tmp_path / "docs.jsonl")), "--corpus", str(d),
                "--dense-model", str(model))
    assert proc.returncode == 0, proc.stderr
    art = tmp_path / "a.txt"
    art.write_text(CLAIM, encoding="utf-8")
    proc = _cli("check", str(art), "--corpus", str(d), "--as-of", "2024-12-31")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert "leopard" in json.dumps(report["claims"])   # the zoo passage is evidence
    # another model for the same corpus is refused, and nothing is added
    wrong = _cli("corpus", "add", str(art), "--corpus", str(d), "--dense")
    assert wrong.returncode == 21 and b"embedded with" in wrong.stderr
    assert b"Traceback" not in wrong.stderr
    # queries need the recorded model: without it check fails clearly
    moved = tmp_path / "moved"
    shutil.move(str(model), moved)
    try:
        gone = _cli("check", str(art), "--corpus", str(d))
    finally:
        shutil.move(str(moved), model)
    assert gone.returncode == 21 and b"not a sentence-transformers model" in gone.stderr
    assert b"Traceback" not in gone.stderr


def test_not_a_model_directory(tmp_path: Path) -> None:
    with pytest.raises(DenseModelError):
        add_paths(tmp_path / "c", [_jsonl(tmp_path / "docs.jsonl")], dense_model=tmp_path)
    assert not (tmp_path / "c").exists()
    proc = _cli("corpus", "add", str(tmp_path / "docs.jsonl"), "--corpus", str(tmp_path / "c"),
                "--dense-model", str(tmp_path / "nope"))
    assert proc.returncode == 21 and b"not a sentence-transformers model" in proc.stderr
