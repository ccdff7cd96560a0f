"""The summary of a batch output — at the end of a run and from ``newscheck batch-summary OUT``:
articles ok/failed, errors by code, claims by verdict (and by kind)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import InputNotFound, MalformedInput, require
from .sinks import VERDICTS


def summarize(out: str | Path) -> dict[str, Any]:
    """Counts over a finished (or partial) batch output, JSONL file or Parquet directory."""
    path = Path(out)
    if not path.exists():
        raise InputNotFound(f"no batch output at {path}", "give the --out of a batch run")
    status: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    verdicts: Counter[str] = Counter(dict.fromkeys(VERDICTS, 0))
    kinds: Counter[str] = Counter()
    if path.is_dir():
        pq: Any = require("pyarrow.parquet", "parquet")
        arts = pq.read_table(path / "articles", columns=["status", "error_code"]).to_pylist() \
            if any((path / "articles").glob("part-*.parquet")) else []
        for a in arts:
            status[a["status"]] += 1
            if a["status"] != "ok":
                errors[a["error_code"] or "NC000"] += 1
        if any((path / "claims").glob("part-*.parquet")):
            for c in pq.read_table(path / "claims", columns=["kind", "verdict"]).to_pylist():
                verdicts[c["verdict"]] += 1
                kinds[c["kind"]] += 1
    else:
        import orjson

        with path.open("rb") as fh:
            for n, line in enumerate(fh, 1):
                if not line.endswith(b"\n"):
                    break   # a run cut short: the last line is unfinished
                try:
                    row = orjson.loads(line)
                    status[row["status"]] += 1
                except (orjson.JSONDecodeError, KeyError, TypeError):
                    raise MalformedInput(f"{path}:{n}: not a batch output row",
                                         "give the --out of a newscheck batch run") from None
                if row["status"] != "ok":
                    errors[row.get("error_code") or "NC000"] += 1
                    continue
                for c in row["report"]["claims"]:
                    verdicts[c["verdict"]] += 1
                    kinds[c["kind"]] += 1
    return {"out": str(path), "articles": sum(status.values()), "ok": status["ok"],
            "failed": sum(status.values()) - status["ok"], "errors": dict(sorted(errors.items())),
            "claims": dict(verdicts), "claims_by_kind": dict(sorted(kinds.items()))}


def render(summary: dict[str, Any]) -> str:
    """A few plain lines for the terminal."""
    claims = summary["claims"]
    lines = [f"articles: {summary['articles']}  ok: {summary['ok']}  failed: {summary['failed']}"
             + (f"  (resumed: {summary['resumed']} already written)"
                if summary.get("resumed") else ""),
             f"claims: {sum(claims.values())}  " + "  ".join(f"{k}: {v}"
                                                           for k, v in claims.items())]
    if summary.get("errors"):
        lines.append("errors: " + "  ".join(f"{k}: {v}" for k, v in summary["errors"].items()))
    if summary.get("claims_by_kind"):
        lines.append("kinds: " + "  ".join(f"{k}: {v}"
                                           for k, v in summary["claims_by_kind"].items()))
    if summary.get("articles_per_second"):
        lines.append(f"time: {summary['seconds']:.1f} s  "
                     f"({summary['articles_per_second']:.1f} articles/s)")
    return "\n".join(lines)
