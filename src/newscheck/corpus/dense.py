"""Optional dense retrieval (extra ``dense``): wordllama's static embeddings, fused with BM25.

The PyPI package ``wordllama`` (0.3.x) ships its 256-dimension ``l2_supercat`` embeddings and
tokenizer inside the wheel; they are loaded from there and **never downloaded** (wordllama's own
``load()`` looks in the wrong folder for the tokenizer and would go to the network). A corpus
built with ``newscheck corpus add --dense`` stores one ``dense.npy`` matrix (float16, unit
vectors; no pickle) per index segment; ``check --corpus`` then ranks passages by cosine
similarity as well and fuses both rankings by **reciprocal rank fusion** (score = Σ 1 / (60 +
rank)).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import CorpusCorrupt, require

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


def rrf(rankings: Sequence[Sequence[int]], k: int) -> list[tuple[int, float]]:
    """Reciprocal rank fusion of several rankings of passage ids, best first."""
    score: dict[int, float] = {}
    for ranking in rankings:
        for rank, pid in enumerate(ranking, 1):
            score[pid] = score.get(pid, 0.0) + 1.0 / (RRF_K + rank)
    return sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))[:k]


def save_vectors(path: Path, texts: Sequence[str]) -> None:
    np: Any = require("numpy", "dense")
    vectors = default_embedder().encode(texts) if texts else np.zeros((0, 256), "float32")
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


def search_vectors(matrix: Any, pids: Any, queries: Sequence[str],
                   k: int) -> list[list[tuple[int, float]]]:
    """The ``k`` passages ``(pid, cosine)`` nearest each query in one segment's ``matrix``."""
    np: Any = require("numpy", "dense")
    q = default_embedder().encode(queries)
    # einsum, not BLAS: one query against a few thousand rows is faster without thread start-up
    sims = [np.einsum("ij,j->i", matrix, row) for row in q]
    kk = min(k, matrix.shape[0])
    out = []
    for row in sims:
        top = np.argpartition(-row, kk - 1)[:kk] if kk else []
        out.append([(int(pids[i]), float(row[i])) for i in top])
    return out
