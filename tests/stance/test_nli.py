"""The --nli-model back-end on a tiny random BERT built here (no hub download). Needs the extra
``dense`` (torch + transformers); skipped without it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newscheck.errors import StanceModelError
from newscheck.stance import STANCE_LABELS, load_stance
from newscheck.stance.nli import label_map, stance_of

WORDS = ["the", "dam", "was", "finished", "in", "not", "river", "city", "council", "budget"]


def tiny_nli(directory: Path, id2label: dict[int, str]) -> Path:
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    torch.manual_seed(0)
    vocab = directory / "vocab.txt"
    directory.mkdir(parents=True, exist_ok=True)
    vocab.write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS]) + "\n")
    tokenizer = transformers.BertTokenizer(str(vocab))
    config = transformers.BertConfig(
        vocab_size=len(WORDS) + 5, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=32, max_position_embeddings=64, num_labels=len(id2label),
        id2label=id2label, label2id={v: k for k, v in id2label.items()})
    model = transformers.BertForSequenceClassification(config)
    model.save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    return directory


@pytest.mark.dense
def test_a_local_checkpoint_labels_pairs_with_its_own_mapping(tmp_path: Path) -> None:
    path = tiny_nli(tmp_path / "nli", {0: "CONTRADICTION", 1: "NEUTRAL", 2: "ENTAILMENT"})
    model = load_stance(nli_model=path)
    pairs = [("the dam was finished", "the dam was not finished"), ("the city", "the river")] * 9
    results = model.predict(pairs)  # 18 pairs: two batches
    assert len(results) == 18
    for r in results:
        assert set(r.probs) == set(STANCE_LABELS)
        assert abs(sum(r.probs.values()) - 1.0) < 1e-6
    assert results[0] == results[2]  # deterministic


@pytest.mark.dense
def test_a_two_label_model_maps_not_entailment_to_neutral(tmp_path: Path) -> None:
    path = tiny_nli(tmp_path / "nli2", {0: "entailment", 1: "not_entailment"})
    r = load_stance(nli_model=path).predict([("the dam", "the dam")])[0]
    assert r.probs["refute"] == 0.0 and r.probs["support"] > 0.0


def test_label_mapping_comes_from_the_config(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text(json.dumps(
        {"id2label": {"0": "entailment", "1": "neutral", "2": "contradiction"}}))
    assert label_map(tmp_path) == {0: "support", 1: "neutral", 2: "refute"}
    assert stance_of("not_entailment") == "neutral" and stance_of("REFUTES") == "refute"


def test_a_config_without_entailment_is_refused(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text(json.dumps({"id2label": {"0": "LABEL_0"}}))
    with pytest.raises(StanceModelError, match="no entailment label"):
        load_stance(nli_model=tmp_path)


def test_a_directory_without_config_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StanceModelError, match=r"no config\.json"):
        load_stance(nli_model=tmp_path)


@pytest.mark.dense
def test_an_onnx_export_gives_the_same_stances_as_the_checkpoint(tmp_path: Path) -> None:
    pytest.importorskip("onnx")
    pytest.importorskip("onnxruntime")
    import torch
    import transformers

    path = tiny_nli(tmp_path / "nli", {0: "CONTRADICTION", 1: "NEUTRAL", 2: "ENTAILMENT"})
    model = transformers.BertForSequenceClassification.from_pretrained(path).eval()
    ids = torch.tensor([[2, 5, 6, 3, 7, 3]])
    names = ["input_ids", "attention_mask", "token_type_ids"]
    torch.onnx.export(model, (ids, torch.ones_like(ids), torch.zeros_like(ids)),
                      str(path / "model.onnx"), input_names=names, output_names=["logits"],
                      dynamic_axes={k: {0: "batch", 1: "seq"} for k in names}, dynamo=False)
    pairs = [("the dam was finished", "the dam was not finished"), ("the city", "the river")]
    from_onnx = load_stance(nli_model=path / "model.onnx").predict(pairs)
    (path / "model.onnx").rename(tmp_path / "elsewhere.onnx")
    from_torch = load_stance(nli_model=path).predict(pairs)
    for a, b in zip(from_onnx, from_torch, strict=True):
        assert a.label == b.label
        assert a.probs == pytest.approx(b.probs, abs=1e-4)
