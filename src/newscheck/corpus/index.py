"""BM25 over the corpus's passages with ``bm25s``, incremental by segments, saved without pickle.

Each ``corpus add`` indexes only its new passages, as a new **segment** (``DIR/index/seg-N/``:
bm25s's NumPy and JSON files, plus ``pids.npy``, the passage id of each row); a search asks every
segment and merges their best hits. Past :data:`MAX_SEGMENTS` segments the index is rebuilt as
one (scores within a segment use that segment's document frequencies, so fewer segments give
scores closer to one global index). ``manifest.json`` lists the segments and is replaced
atomically, so an interrupted ``add`` leaves the previous index usable.

**Backends.** bm25s scores with NumPy by default. With ``numba`` installed and
``NEWSCHECK_BM25_BACKEND=numba`` (or ``BM25Index(dir, backend="numba")``) it uses its compiled
scorer: ~40× more queries per second, after a one-time compilation of several seconds per
process — worth it for batches (``benchmarks/bm25.py`` prints both), not for one article.

Tokens are the claim stage's content words (lower case, stemmed, synonyms folded:
:func:`newscheck.evidence.features.content_words`), for passages and queries alike.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import CorpusCorrupt, DenseModelError, require
from ..evidence.features import content_words

FORMAT = "newscheck-bm25/1"
MAX_SEGMENTS = 8


def tokens(text: str) -> list[str]:
    return list(content_words(text)) or ["<empty>"]


class BM25Index:
    """The BM25 segments of a corpus directory (``DIR/index``)."""

    def __init__(self, directory: Path, backend: str | None = None,
                 dense: bool | None = None, dense_model: str | Path | None = None) -> None:
        self.backend = backend or os.environ.get("NEWSCHECK_BM25_BACKEND", "numpy")
        if self.backend not in ("numpy", "numba"):
            raise CorpusCorrupt(f"unknown BM25 backend {self.backend!r}",
                                "set NEWSCHECK_BM25_BACKEND to numpy or numba")
        if self.backend == "numba":
            require("numba", "corpus")
        self.dir = directory / "index"
        self.manifest = self.dir / "manifest.json"
        self.names: list[str] = []
        self.dense = False
        self.model: str | None = None   # dense vectors' model: None = wordllama, else an ST dir
        self._loaded: dict[str, tuple[Any, Any]] = {}
        self._vectors: dict[str, Any] = {}
        if self.manifest.exists():
            try:
                data = json.loads(self.manifest.read_text(encoding="utf-8"))
                if data.get("format") != FORMAT:
                    raise ValueError(f"format {data.get('format')!r}")
                self.names = [str(n) for n in data["segments"]]
                self.dense = bool(data.get("dense", False))
                self.model = data.get("dense_model")
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise CorpusCorrupt(f"the index of {directory} is unreadable ({exc})",
                                    "rebuild it: newscheck corpus add --reindex --corpus DIR"
                                    ) from None
        if dense or dense_model is not None:   # from now on every segment gets dense vectors
            from .dense import MODEL, model_dir

            wanted = None if dense_model is None else model_dir(dense_model)
            if self.dense and self.names and wanted != self.model:
                raise DenseModelError(
                    f"the corpus {directory} is embedded with {self.model or MODEL}, "
                    f"not {wanted or MODEL}",
                    "query it with the same model, or build a new corpus for another one")
            self.dense, self.model = True, wanted

    def _write_manifest(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        tmp = self.manifest.with_suffix(".part")
        tmp.write_text(json.dumps({"format": FORMAT, "segments": self.names,
                                   "dense": self.dense, "dense_model": self.model}),
                       encoding="utf-8")
        tmp.replace(self.manifest)

    def _build(self, rows: Iterable[tuple[int, str]]) -> str | None:
        bm25s = require("bm25s", "corpus")
        np = require("numpy", "corpus")
        pids, corpus, texts = [], [], []
        for pid, text in rows:
            pids.append(pid)
            corpus.append(tokens(text))
            if self.dense:
                texts.append(text)
        if not pids:
            return None
        n = max((int(x.split("-")[1]) for x in self.names), default=0) + 1
        name = f"seg-{n:06d}"
        path = self.dir / name
        retriever = bm25s.BM25()  # type: ignore[attr-defined]
        retriever.index(corpus, show_progress=False)
        path.mkdir(parents=True, exist_ok=True)
        retriever.save(str(path), show_progress=False, allow_pickle=False)
        np.save(path / "pids.npy", np.asarray(pids, dtype="int64"),  # type: ignore[attr-defined]
                allow_pickle=False)
        if self.dense:
            from .dense import save_vectors

            save_vectors(path, texts, self.model)
        return name

    def add(self, rows: Iterable[tuple[int, str]]) -> None:
        """Index new passages ``(pid, text)`` as one more segment."""
        name = self._build(rows)
        if name is not None:
            self.names.append(name)
            self._write_manifest()

    def rebuild(self, rows: Iterable[tuple[int, str]]) -> None:
        """Replace every segment by one over ``rows`` (all passages)."""
        old = list(self.names)
        name = self._build(rows)
        self.names = [name] if name else []
        self._write_manifest()
        self._loaded.clear()
        self._vectors.clear()
        for o in old:
            shutil.rmtree(self.dir / o, ignore_errors=True)

    def _segment(self, name: str) -> tuple[Any, Any]:
        if name not in self._loaded:
            bm25s = require("bm25s", "corpus")
            np = require("numpy", "corpus")
            try:
                retriever = bm25s.BM25.load(  # type: ignore[attr-defined]
                    str(self.dir / name), mmap=False, allow_pickle=False,
                    override_params={"backend": self.backend}, show_progress=False)
                pids = np.load(self.dir / name / "pids.npy",  # type: ignore[attr-defined]
                               allow_pickle=False)
            except (OSError, ValueError) as exc:
                raise CorpusCorrupt(f"index segment {name} is unreadable ({exc})",
                                    "rebuild it: newscheck corpus add --reindex --corpus DIR"
                                    ) from None
            self._loaded[name] = (retriever, pids)
        return self._loaded[name]

    def search(self, queries: Sequence[str], k: int = 10) -> list[list[tuple[int, float]]]:
        """The ``k`` best passages ``(pid, score)`` for each query, best first: BM25 scores, or
        with dense vectors the reciprocal-rank fusion of BM25 and cosine rankings."""
        out: list[list[tuple[int, float]]] = [[] for _ in queries]
        if not queries:
            return out
        qtok = [tokens(q) for q in queries]
        for name in self.names:
            retriever, pids = self._segment(name)
            kk = min(k, len(pids))
            docs, scores = retriever.retrieve(qtok, k=kk, show_progress=False, n_threads=1,
                                              backend_selection=self.backend)
            for i in range(len(queries)):
                out[i].extend((int(pids[d]), float(s)) for d, s in zip(docs[i], scores[i],
                                                                       strict=True) if s > 0)
        ranked = [sorted(hits, key=lambda h: (-h[1], h[0]))[:k] for hits in out]
        if not self.dense:
            return ranked
        from .dense import load_vectors, rrf, search_vectors

        near: list[list[tuple[int, float]]] = [[] for _ in queries]
        for name in self.names:
            _retriever, pids = self._segment(name)
            if name not in self._vectors:
                self._vectors[name] = load_vectors(self.dir / name)
            for i, hits in enumerate(search_vectors(self._vectors[name], pids, queries, k,
                                                      self.model)):
                near[i].extend(hits)
        fused = []
        for lexical, dense in zip(ranked, near, strict=True):
            by_sim = [pid for pid, _ in sorted(dense, key=lambda h: (-h[1], h[0]))[:k]]
            fused.append(rrf([[pid for pid, _ in lexical], by_sim], k))
        return fused
