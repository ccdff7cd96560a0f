"""Optional dense retrieval (extra ``dense``): wordllama's static embeddings or a local
sentence-transformers model, fused with BM25.

The PyPI package ``wordllama`` (0.3.x) ships its 256-dimension ``l2_supercat`` embeddings and
tokenizer inside the wheel; they are loaded from there and **never downloaded** (wordllama's own
``load()`` looks in the wrong folder for the tokenizer and would go to the network). A corpus
built with ``newscheck corpus add --dense`` stores one ``dense.npy`` matrix (float16, unit
vectors; no pickle) per index segment; ``check --corpus`` then ranks passages by cosine
similarity as well and fuses both rankings by **reciprocal rank fusion** (score = Σ 1 / (60 +
rank)).

``corpus add --dense-model DIR`` embeds with a **local sentence-transformers directory** instead
(what ``SentenceTransformer.save`` writes), loaded offline only (``HF_HUB_OFFLINE=1``,
``local_files_only``). The index manifest records the model (``dense_model``: its resolved path;
absent for wordllama) so ``check --corpus`` embeds queries with the same model; adding with
another model is refused (:class:`~newscheck.errors.DenseModelError`, exit 21).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import CorpusCorrupt, DenseModelError, require

RRF_K = 60
MODEL = "wordllama l2_supercat 256"


class WordLlamaEmbedder:
    """wordllama's shipped static embeddings, offline."""

    name = MODEL

    def __init__(self) -> None:
        np: Any = require("numpy", "dense")
        from safetensors import safe_open
        from wordllama import WordLlama
        from wordllama.inference import WordLlamaInference

        module: Any = require("wordllama", "dense")
        root = Path(module.__file__).parent
        weights = root / "weights" / "l2_supercat_256.safetensors"
        tokenizer = root / "tokenizers" / "l2_supercat_tokenizer_config.json"
        if not weights.exists() or not tokenizer.exists():
            raise CorpusCorrupt("this wordllama package does not ship its l2_supercat weights "
                                "and tokenizer", "install it with: pip install 'wordllama<0.4'")
        with safe_open(str(weights), framework="np", device="cpu") as fh:
            matrix = fh.get_tensor("embedding.weight")
        self.np = np
        self.model = WordLlamaInference(matrix, WordLlama.load_tokenizer(tokenizer, None),
                                        binary=False)

    def encode(self, texts: Sequence[str]) -> Any:
        """Unit-length float32 vectors, one row per text."""
        np = self.np
        vectors = np.asarray(self.model.embed(list(texts), norm=True), dtype="float32")
        return vectors.reshape(len(texts), -1)


@lru_cache(maxsize=1)
def default_embedder() -> WordLlamaEmbedder:
    return WordLlamaEmbedder()


def model_dir(path: str | Path) -> str:
    """The resolved path of a sentence-transformers directory, or :class:`DenseModelError`."""
    p = Path(path).expanduser().resolve()
    if not p.is_dir() or not ((p / "modules.json").is_file() or (p / "config.json").is_file()):
        raise DenseModelError(f"{path} is not a sentence-transformers model directory "
                              "(no modules.json or config.json)",
                              "give a directory written by SentenceTransformer.save()")
    return str(p)


class SentenceTransformerEmbedder:
    """A local sentence-transformers model directory, loaded offline on the CPU."""

    def __init__(self, path: str) -> None:
        self.name = model_dir(path)
        os.environ["HF_HUB_OFFLINE"] = "1"       # never reach a model hub
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        require("torch", "dense")
        st: Any = require("sentence_transformers", "dense")
        hf_logging: Any = require("transformers.utils.logging", "dense")
        hf_logging.disable_progress_bar()        # no "Loading weights" bar on stderr
        try:
            self.model = st.SentenceTransformer(self.name, device="cpu", local_files_only=True)
        except Exception as exc:  # any load failure means a bad model directory
            raise DenseModelError(f"cannot load the sentence-transformers model {self.name} "
                                  f"({type(exc).__name__}: {str(exc)[:200]})",
                                  "give a directory written by SentenceTransformer.save()"
                                  ) from None

    def encode(self, texts: Sequence[str]) -> Any:
        """Unit-length float32 vectors, one row per text."""
        vectors = self.model.encode(list(texts), batch_size=32, convert_to_numpy=True,
                                    normalize_embeddings=True, show_progress_bar=False)
        return vectors.astype("float32").reshape(len(texts), -1)


@lru_cache(maxsize=4)
def embedder(model: str | None = None) -> WordLlamaEmbedder | SentenceTransformerEmbedder:
    """wordllama for ``None``, else the sentence-transformers model in directory ``model``."""
    return default_embedder() if model is None else SentenceTransformerEmbedder(model)


def rrf(rankings: Sequence[Sequence[int]], k: int) -> list[tuple[int, float]]:
    """Reciprocal rank fusion of several rankings of passage ids, best first."""
    score: dict[int, float] = {}
    for ranking in rankings:
        for rank, pid in enumerate(ranking, 1):
            score[pid] = score.get(pid, 0.0) + 1.0 / (RRF_K + rank)
    return sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))[:k]


def save_vectors(path: Path, texts: Sequence[str], model: str | None = None) -> None:
    np: Any = require("numpy", "dense")
    vectors = embedder(model).encode(texts) if texts else np.zeros((0, 0), "float32")
    np.save(path / "dense.npy", vectors.astype("float16"), allow_pickle=False)


def load_vectors(path: Path) -> Any:
    """A segment's passage vectors (float32, one row per passage)."""
    np: Any = require("numpy", "dense")
    try:
        return np.load(path / "dense.npy", allow_pickle=False).astype("float32")
    except (OSError, ValueError) as exc:
        raise CorpusCorrupt(f"dense vectors of {path.name} are unreadable ({exc})",
                            "rebuild: newscheck corpus add --reindex --dense --corpus DIR"
                            ) from None


def search_vectors(matrix: Any, pids: Any, queries: Sequence[str], k: int,
                   model: str | None = None) -> list[list[tuple[int, float]]]:
    """The ``k`` passages ``(pid, cosine)`` nearest each query in one segment's ``matrix``
    (embedded with ``model``: ``None`` for wordllama, else a sentence-transformers directory)."""
    np: Any = require("numpy", "dense")
    if not len(matrix):
        return [[] for _ in queries]
    q = embedder(model).encode(queries)
    if q.shape[1] != matrix.shape[1]:
        raise DenseModelError(f"the passages have {matrix.shape[1]}-dimension vectors but the "
                              f"model gives {q.shape[1]}",
                              "rebuild: newscheck corpus add --reindex --corpus DIR")
    # einsum, not BLAS: one query against a few thousand rows is faster without thread start-up
    sims = [np.einsum("ij,j->i", matrix, row) for row in q]
    kk = min(k, matrix.shape[0])
    out = []
    for row in sims:
        top = np.argpartition(-row, kk - 1)[:kk] if kk else []
        out.append([(int(pids[i]), float(row[i])) for i in top])
    return out
