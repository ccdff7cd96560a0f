"""Build the shipped US Congress records (src/newscheck/data/congress/) from
../shared/data/us-congress-legislators (unitedstates/congress-legislators, CC0).

    python scripts/build_congress_pack.py [--data DIR] [--out DIR] [--check]

Reads legislators-current.yaml and executive.yaml through the same code as `newscheck kb import`
(newscheck.knowledge.congress), with the file date of the source commit (README.md) as as-of, so
that terms whose scheduled end lies after it stay open. People keep the data's Wikidata ids;
when the default KB is built, presidents the starter pack holds under another id take that id
(knowledge/congress.py `align`: the same presidential term start). Writes pack.json (source,
commit, licence, as_of, counts) and records.jsonl (one record per line, sorted, each statement
with its record path). `--check` exits 1 when the shipped files differ from a fresh build. The
default KB loads it beside the starter and world packs (knowledge/starter.py).

legislators-historical.csv is not used: it has one undated last term per former member and no
Wikidata ids, so it could neither support nor refute a dated claim and would only add unlinked
namesakes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "us-congress-legislators"
if not DEFAULT_DATA.exists():
    DEFAULT_DATA = Path("/work/shared/data/us-congress-legislators")
FILES = ("legislators-current.yaml", "executive.yaml")
REPOSITORY = "unitedstates/congress-legislators"


def source_commit(data: Path) -> tuple[str, str]:
    """(commit, date) of legislators-current.yaml from the dataset's README table."""
    text = (data / "README.md").read_text("utf-8")
    m = re.search(r"`legislators-current\.yaml`\s*\|\s*`[^`]+`\s*\|\s*([0-9a-f]{40})\s*\|\s*"
                  r"(\d{4}-\d{2}-\d{2})", text)
    if m is None:
        raise SystemExit(f"{data}/README.md: no source commit for legislators-current.yaml")
    return m.group(1), m.group(2)


def build(data: Path, out: Path) -> dict[str, object]:
    from newscheck.knowledge.congress import parse, record_to_json

    commit, as_of = source_commit(data)
    records = {}
    for name in FILES:
        for rec in parse(data / name, as_of=as_of).records:
            if rec.id in records and rec.kind == "person":
                records[rec.id].statements += rec.statements   # in both files (Biden)
                records[rec.id].aliases = list(dict.fromkeys(records[rec.id].aliases
                                                             + rec.aliases))
            else:
                records.setdefault(rec.id, rec)
    out.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(record_to_json(r), ensure_ascii=False, sort_keys=True)
             for r in sorted(records.values(), key=lambda r: r.id)]
    (out / "records.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    kinds: dict[str, int] = {}
    for r in records.values():
        kinds[r.kind] = kinds.get(r.kind, 0) + 1
    meta = {"name": "US Congress and executive", "repository": REPOSITORY, "commit": commit,
            "files": list(FILES), "as_of": as_of, "licence": "CC0-1.0 (public domain)",
            "built_by": "scripts/build_congress_pack.py", "entities": kinds,
            "statements": sum(len(r.statements) for r in records.values()),
            "note": "Derived from the source files; term ends after as_of are scheduled, not "
                    "facts, and are left open. legislators-historical.csv is not used."}
    (out / "pack.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return meta


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "newscheck" / "data" / "congress")
    ap.add_argument("--check", action="store_true", help="compare with the shipped files")
    args = ap.parse_args()
    if not (args.data / "legislators-current.yaml").exists():
        print(f"skipped: {args.data} not found (../shared/data is not here)")
        return 0
    if args.check:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            build(args.data, Path(tmp))
            same = all((Path(tmp) / n).read_bytes() == (args.out / n).read_bytes()
                       for n in ("records.jsonl", "pack.json"))
        print("shipped congress records are up to date" if same else
              "shipped congress records differ from a fresh build: rerun the script")
        return 0 if same else 1
    meta = build(args.data, args.out)
    print(f"wrote {args.out}: {meta['entities']} entities, {meta['statements']} statements, "
          f"as of {meta['as_of']} ({REPOSITORY}@{str(meta['commit'])[:8]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
