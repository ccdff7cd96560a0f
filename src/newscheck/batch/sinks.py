"""Where rows go: JSONL (a file, one full report per line) or Parquet (a directory holding an
``articles/`` and a ``claims/`` table, one part file per flush) — both resumable.

A row is encoded in the worker (:func:`encoder`) and written by the one writer process, so a
``kill -9`` can only cut the last JSONL line (dropped on resume) or leave a part file unrenamed
(ignored); every source in the output was written completely, exactly once. ``--resume`` reads the
sources already written and the run skips them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import orjson

from ..errors import BatchOutputExists, MalformedInput, require
from .work import Row

VERDICTS = ("supported", "refuted", "not_enough_evidence")
Encoded = tuple[str, str, dict[str, int], Any]     # source, status, verdict counts, payload


def counts_of(row: Row) -> dict[str, int]:
    rep = row.get("report")
    return {v: int(rep["summary"].get(v, 0)) for v in VERDICTS} if rep else {}


def encode_jsonl(row: Row) -> Encoded:
    return (row["source"], row["status"], counts_of(row),
            orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE))


def _time(t: dict[str, Any]) -> str | None:
    if "date" in t:
        return str(t["date"])
    start, end = t.get("start"), t.get("end")
    return f"{start or '..'}/{end or '..'}" if start or end else None


def tables_of(row: Row) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The article row and the flattened claim rows of one output row."""
    rep = row.get("report") or {}
    art = rep.get("article") or {}
    anchor = rep.get("anchor") or {}
    summary = rep.get("summary") or {}
    article = {"id": row["id"], "source": row["source"], "status": row["status"],
               "error": row["error"], "error_code": row["error_code"],
               "title": art.get("title"), "url": art.get("url"),
               "published": art.get("published"), "anchor_date": anchor.get("date"),
               "anchor_basis": anchor.get("basis"), "language": art.get("language"),
               "claims": summary.get("claims", 0),
               **{v: summary.get(v, 0) for v in VERDICTS},
               "warnings": list(rep.get("warnings") or [])}
    claims = []
    for c in rep.get("claims") or []:
        subj, obj = c.get("subject") or {}, c.get("object") or {}
        claims.append({"article_id": row["id"], "source": row["source"], "claim_id": c["id"],
                       "kind": c["kind"], "text": c["text"], "subject_id": subj.get("id"),
                       "subject_label": subj.get("label"), "object_id": obj.get("id"),
                       "object_label": obj.get("label"), "time": _time(c.get("time") or {}),
                       "time_basis": (c.get("time") or {}).get("basis"),
                       "verdict": c["verdict"], "confidence": c["confidence"],
                       "explanation": c["explanation"]})
    return article, claims


def encode_parquet(row: Row) -> Encoded:
    return row["source"], row["status"], counts_of(row), tables_of(row)


def encoder(fmt: str) -> Callable[[Row], Encoded]:
    return encode_parquet if fmt == "parquet" else encode_jsonl


def prepare(out: Path, fmt: str, *, resume: bool, overwrite: bool) -> None:
    """Refuse to clobber an existing OUT unless asked; ``--overwrite`` removes it."""
    if not out.exists() and not out.is_symlink():
        return
    if resume:
        if (fmt == "jsonl" and out.is_dir()) or (fmt == "parquet" and not out.is_dir()):
            raise BatchOutputExists(f"{out} is not a {fmt} batch output, so it cannot be resumed",
                                    "give the --format it was written with, or another --out")
        return
    if not overwrite:
        raise BatchOutputExists(f"{out} already exists",
                                "pass --resume to finish that run, --overwrite to replace it, "
                                "or choose another --out")
    if out.is_dir():
        if not (out / "articles").is_dir():
            raise BatchOutputExists(f"{out} is a directory that is not a batch output",
                                    "--overwrite only replaces a previous batch output")
        import shutil

        shutil.rmtree(out)
    else:
        out.unlink()


class JsonlSink:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.done: set[str] = set()
        if path.exists():
            self._recover()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def _recover(self) -> None:
        """Read the sources written; cut a last line that a kill left unfinished."""
        good = 0
        with self.path.open("rb") as fh:
            for line in fh:
                if not line.endswith(b"\n"):
                    break
                try:
                    self.done.add(orjson.loads(line)["source"])
                except (orjson.JSONDecodeError, KeyError, TypeError):
                    raise MalformedInput(f"{self.path}: line {len(self.done) + 1} is not a batch "
                                         "output row", "resume only a newscheck batch output")\
                        from None
                good += len(line)
        if good != self.path.stat().st_size:
            os.truncate(self.path, good)

    def write(self, batch: Iterable[Encoded]) -> None:
        data = b"".join(e[3] for e in batch)
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view):]

    def close(self) -> None:
        os.close(self._fd)


class ParquetSink:
    """``OUT/articles/part-NNNNN.parquet`` and ``OUT/claims/part-NNNNN.parquet`` (same NNNNN);
    a part is renamed into place only when complete, claims first, so an articles part is
    the commit mark of its rows."""

    FLUSH = int(os.environ.get("NEWSCHECK_PARQUET_FLUSH", "2000"))   # rows per part file

    def __init__(self, path: Path) -> None:
        self.pa: Any = require("pyarrow", "parquet")
        self.pq: Any = require("pyarrow.parquet", "parquet")
        self.path = path
        self.done: set[str] = set()
        self._articles: list[dict[str, Any]] = []
        self._claims: list[dict[str, Any]] = []
        for sub in ("articles", "claims"):
            (path / sub).mkdir(parents=True, exist_ok=True)
        committed = {p.name for p in (path / "articles").glob("part-*.parquet")}
        for stale in [*path.glob("*/.part-*"),
                      *(p for p in (path / "claims").glob("part-*.parquet")
                        if p.name not in committed)]:
            stale.unlink()   # a kill between the two renames: redo those rows
        reader: Any = self.pq
        for name in sorted(committed):
            col = reader.read_table(path / "articles" / name, columns=["source"])
            self.done.update(col.column("source").to_pylist())
        self._seq = len(committed)

    def write(self, batch: Iterable[Encoded]) -> None:
        for e in batch:
            article, claims = e[3]
            self._articles.append(article)
            self._claims.extend(claims)
        if len(self._articles) >= self.FLUSH:
            self.flush()

    def flush(self) -> None:
        if not self._articles:
            return
        name = f"part-{self._seq:05d}.parquet"
        for sub, rows in (("claims", self._claims), ("articles", self._articles)):
            table = self.pa.Table.from_pylist(rows, schema=SCHEMAS[sub](self.pa))
            tmp = self.path / sub / f".{name}"
            self.pq.write_table(table, tmp)
            tmp.replace(self.path / sub / name)
        self._seq += 1
        self._articles, self._claims = [], []

    def close(self) -> None:
        self.flush()


def _articles_schema(pa: Any) -> Any:
    s, i = pa.string(), pa.int32()
    return pa.schema([("id", s), ("source", s), ("status", s), ("error", s), ("error_code", s),
                      ("title", s), ("url", s), ("published", s), ("anchor_date", s),
                      ("anchor_basis", s), ("language", s), ("claims", i), ("supported", i),
                      ("refuted", i), ("not_enough_evidence", i),
                      ("warnings", pa.list_(s))])


def _claims_schema(pa: Any) -> Any:
    s = pa.string()
    return pa.schema([("article_id", s), ("source", s), ("claim_id", s), ("kind", s),
                      ("text", s), ("subject_id", s), ("subject_label", s), ("object_id", s),
                      ("object_label", s), ("time", s), ("time_basis", s), ("verdict", s),
                      ("confidence", pa.float64()), ("explanation", s)])


SCHEMAS = {"articles": _articles_schema, "claims": _claims_schema}


def open_sink(out: Path, fmt: str) -> JsonlSink | ParquetSink:
    return ParquetSink(out) if fmt == "parquet" else JsonlSink(out)


