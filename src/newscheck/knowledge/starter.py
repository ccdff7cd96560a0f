"""The starter pack (``src/newscheck/data/starter/``): a small, hand-checked set of offices,
people and terms that ships with newscheck, built on first use into a cached SQLite KB.

Format: ``pack.json`` {"name", "as_of": "YYYY-MM-DD", "description", "sources"};
``positions.csv`` id,label,aliases,country,office_kind,single_holder (aliases ``|``-separated,
single_holder ``1``/``0``); ``people.csv`` id,label,aliases; ``terms.csv``
person,position,start,end,note (dates YYYY, YYYY-MM or YYYY-MM-DD; empty end = held at as_of).
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import ImportFailed, KnowledgeBaseNotFound
from ..model import PartialDate
from . import schema
from .kinds import OFFICE_KINDS
from .writer import Record, Stmt, Writer

PACK_FILES = ("pack.json", "positions.csv", "people.csv", "terms.csv")
COLUMNS = {"positions.csv": ("id", "label", "aliases", "country", "office_kind", "single_holder"),
           "people.csv": ("id", "label", "aliases"),
           "terms.csv": ("person", "position", "start", "end", "note")}


def default_pack_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "starter"


# Bumped whenever the loader writes the pack differently, so that a cached build from an older
# newscheck is not reused (the cache is keyed by this and the pack files).
LOADER_VERSION = "8"   # 2: statement ids point at the terms.csv line; 3: world pack; 4: same
#                        people; 6: US Congress records (data/congress/); 7: its source name;
#                        8: the world pack's digest


def pack_hash(pack_dir: Path, world_dir: Path | None = None) -> str:
    """A hash of the loader version and every pack file's bytes (the cached KB's name)."""
    h = hashlib.sha256(f"loader {LOADER_VERSION}\0".encode())
    for p in _pack_files(pack_dir, world_dir):
        h.update(p.name.encode() + b"\0")
        h.update(p.read_bytes() if p.exists() else b"<missing>")
    return h.hexdigest()[:16]


def stamped_pack_hash(pack_dir: Path, world_dir: Path | None, cache_dir: Path) -> str:
    """:func:`pack_hash`, remembered in ``cache_dir`` under a stamp of the files (path, size,
    mtime, inode): reading and hashing the 3.7 MB of pack files took 18 ms of every run."""
    files = _pack_files(pack_dir, world_dir)
    try:
        stats = [(str(p), *((st.st_size, st.st_mtime_ns, st.st_ino) if (st := _stat(p)) else ()))
                 for p in files]
    except OSError:
        return pack_hash(pack_dir, world_dir)
    stamp = json.dumps([LOADER_VERSION, __version__, stats])
    digest = hashlib.blake2b(stamp.encode(), digest_size=8).hexdigest()
    memo = cache_dir / f"starter-{__version__}-{digest}.stamp"
    try:
        known = memo.read_text(encoding="ascii").split("\n")
        if len(known) == 2 and known[0] == stamp and len(known[1]) == 16:
            return known[1]
    except (OSError, UnicodeDecodeError):
        pass
    found = pack_hash(pack_dir, world_dir)
    tmp = memo.with_name(f".{memo.name}.{os.getpid()}.tmp")
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp.write_text(f"{stamp}\n{found}", encoding="ascii")
        tmp.replace(memo)
    except (OSError, UnicodeEncodeError):
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return found


def _stat(p: Path) -> os.stat_result | None:
    try:
        return p.stat()
    except FileNotFoundError:
        return None


def _pack_files(pack_dir: Path, world_dir: Path | None) -> list[Path]:
    files = [pack_dir / n for n in PACK_FILES]
    if world_dir is not None:     # its pack.json carries the digest of its CSV files
        files.append(world_dir / "pack.json")
    congress = _congress_dir(pack_dir)
    if congress is not None:
        from .congress import PACK_FILES as CONGRESS_FILES

        files += [congress / n for n in CONGRESS_FILES]
    return files


def _world_dir(pack_dir: Path) -> Path | None:
    """The world pack shipped beside the starter pack, if any."""
    world = pack_dir.parent / "world"
    return world if (world / "pack.json").exists() else None


def _congress_dir(pack_dir: Path) -> Path | None:
    """The US Congress records shipped beside the starter pack (data/congress/), if any."""
    congress = pack_dir.parent / "congress"
    return congress if (congress / "pack.json").exists() else None


def _csv(pack_dir: Path, name: str) -> list[tuple[int, dict[str, str]]]:
    path = pack_dir / name
    if not path.exists():
        raise ImportFailed(f"starter pack: {path} is missing")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        cols = tuple(c.strip() for c in reader.fieldnames or ())
        missing = [c for c in COLUMNS[name] if c not in cols and c != "note"]
        if missing:
            raise ImportFailed(f"starter pack: {path}: missing columns {', '.join(missing)}")
        return [(reader.line_num, {k.strip(): (v or "").strip() for k, v in row.items() if k})
                for row in reader if any((v or "").strip() for v in row.values())]


def _aliases(text: str) -> list[str]:
    return [a.strip() for a in text.split("|") if a.strip()]


def _date(text: str, where: str) -> PartialDate | None:
    if not text:
        return None
    try:
        return PartialDate.parse(text)
    except ValueError:
        raise ImportFailed(f"starter pack: {where}: {text!r} is not a date "
                           "(YYYY, YYYY-MM or YYYY-MM-DD)") from None


def read_pack(pack_dir: Path) -> tuple[dict[str, Any], list[Record]]:
    """The pack's metadata and its records, validated (unknown ids and kinds are errors)."""
    meta_path = pack_dir / "pack.json"
    if not meta_path.exists():
        raise KnowledgeBaseNotFound(f"no starter pack at {pack_dir}",
                                    "run `newscheck kb import` to build a knowledge base")
    try:
        meta = json.loads(meta_path.read_text("utf-8"))
        date.fromisoformat(meta["as_of"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ImportFailed(f"starter pack: {meta_path}: invalid ({exc})") from None
    records: dict[str, Record] = {}
    for line, r in _csv(pack_dir, "positions.csv"):
        kind = r["office_kind"] or None
        if kind is not None and kind not in OFFICE_KINDS:
            raise ImportFailed(f"starter pack: positions.csv:{line}: unknown office_kind {kind!r}")
        stmts = [Stmt("P17", r["country"]), Stmt("P1001", r["country"])] if r["country"] else []
        single = {"1": True, "0": False, "": None}.get(r["single_holder"])
        if r["single_holder"] not in ("1", "0", ""):
            raise ImportFailed(f"starter pack: positions.csv:{line}: single_holder must be 1 or 0")
        records[r["id"]] = Record(r["id"], r["label"], "position", aliases=_aliases(r["aliases"]),
                                  statements=stmts, office_kind=kind, single_holder=single)
    for line, r in _csv(pack_dir, "people.csv"):
        if r["id"] in records:
            raise ImportFailed(f"starter pack: people.csv:{line}: id {r['id']} used twice")
        records[r["id"]] = Record(r["id"], r["label"], "person", aliases=_aliases(r["aliases"]))
    for line, r in _csv(pack_dir, "terms.csv"):
        where = f"terms.csv:{line}"
        person, position = records.get(r["person"]), records.get(r["position"])
        if person is None or person.kind != "person":
            raise ImportFailed(f"starter pack: {where}: unknown person {r['person']!r}")
        if position is None or position.kind != "position":
            raise ImportFailed(f"starter pack: {where}: unknown position {r['position']!r}")
        start, end = _date(r["start"], where), _date(r["end"], where)
        person.statements.append(Stmt(
            "P39", position.id, start.value.isoformat() if start else None,
            start.precision if start else None, end.value.isoformat() if end else None,
            end.precision if end else None, sid=f"starter:terms.csv:{line}"))
    return meta, list(records.values())


def source_label(meta: dict[str, Any]) -> str:
    return f"starter pack (as of {meta['as_of']})"


def build(pack_dir: Path, target: Path, world_dir: Path | None = None) -> None:
    """Build the pack (and the world pack, if given) into ``target`` atomically (temporary
    file, then rename). The world pack is written first, so the starter pack's hand-checked
    labels and office kinds win where both describe an entity."""
    meta, records = read_pack(pack_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    conn = sqlite3.connect(tmp)
    try:
        conn.execute("PRAGMA journal_mode = OFF")   # the file is renamed in only on success
        conn.execute("PRAGMA synchronous = OFF")
        schema.create(conn, indexes=False)
        name = str(meta.get("name") or "starter pack")
        if world_dir is not None:
            from .worldpack import read_world_pack, same_people

            name += " + world pack"
            sources = read_world_pack(world_dir)
            records = _renamed(records, same_people(records, sources))
            for src in sources:
                world = Writer(conn, src.name, fresh=True)
                for rec in src.records.values():
                    world.put(rec)
                world.finish(kind="world pack", file=src.file, as_of=src.as_of)
        congress = _congress_dir(pack_dir)
        if congress is not None:
            from . import congress as us

            name += " + US Congress"
            cmeta, crecords = us.read_pack(congress)
            us.align(crecords, records)      # presidents: the starter pack's ids
            cwriter = Writer(conn, us.pack_source(cmeta), fresh=True)
            for rec in crecords:
                cwriter.put(rec)
            cwriter.finish(kind="congress pack", as_of=cmeta["as_of"],
                           file=f"newscheck {__version__} US Congress records")
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('name', ?)", (name,))
        writer = Writer(conn, source_label(meta), fresh=True)
        for rec in records:
            writer.put(rec)
        writer.finish(kind="starter", file=f"newscheck {__version__} starter pack",
                      as_of=meta["as_of"])
        conn.executescript(schema.INDEXES)
        conn.commit()
        conn.close()
        tmp.replace(target)
    except BaseException:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise


def _renamed(records: list[Record], ids: dict[str, str]) -> list[Record]:
    """The starter records with people's local ids replaced by the Wikidata ids the world pack
    gives the same people (the local id stays as the statement ids' prefix only)."""
    for rec in records:
        if rec.id in ids:
            rec.id = ids[rec.id]
    return records


def cached_kb(pack_dir: Path | None = None, cache_dir: Path | None = None) -> Path:
    """The cached SQLite KB of the pack, built on first use (keyed by a hash of the files)."""
    pack_dir = pack_dir or default_pack_dir()
    if not (pack_dir / "pack.json").exists():
        raise KnowledgeBaseNotFound(
            "no knowledge base found and no starter pack is installed",
            "build one with `newscheck kb import FILE...` or pass --kb PATH")
    if cache_dir is None:
        import platformdirs

        cache_dir = Path(platformdirs.user_cache_dir("newscheck"))
    # keyed per newscheck version and pack data: another install never hands its file over
    world = _world_dir(pack_dir)
    name = f"starter-{__version__}-{stamped_pack_hash(pack_dir, world, cache_dir)}.sqlite"
    target = cache_dir / name
    if not target.exists():
        try:
            build(pack_dir, target, world)
        except OSError:   # an unwritable cache (read-only home, full disk): a private temp copy
            return _temp_build(pack_dir, name, world)
        prune_cache(cache_dir, target)
    return target


KEEP_BUILDS = 3   # starter KBs of other versions/packs kept beside the current one (~25 MB each)


def prune_cache(cache_dir: Path, current: Path) -> list[Path]:
    """After a new build: remove all but the :data:`KEEP_BUILDS` most recent other starter KBs
    (other newscheck versions or packs; each upgrade would otherwise leave ~25 MB behind) and
    the stamps that name no remaining KB. A file another process still reads stays readable
    (POSIX); that install rebuilds on its next run. Errors are ignored. Returns what went."""
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        others = sorted((p for p in cache_dir.glob("starter-*.sqlite") if p != current),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[KEEP_BUILDS:]:
            for part in (old, old.with_name(old.name + "-wal"), old.with_name(old.name + "-shm")):
                with contextlib.suppress(OSError):
                    part.unlink()
                    removed.append(part)
        kept = {p.stem.rpartition("-")[2] for p in cache_dir.glob("starter-*.sqlite")}
        for stamp in cache_dir.glob("starter-*.stamp"):
            with contextlib.suppress(OSError, UnicodeDecodeError):
                if stamp.read_text(encoding="ascii").rpartition("\n")[2] not in kept:
                    stamp.unlink()
                    removed.append(stamp)
    return removed


def _temp_build(pack_dir: Path, name: str, world: Path | None) -> Path:
    """Build the pack into a private temporary directory removed at exit (~0.1 s per run)."""
    import atexit
    import shutil
    import tempfile

    try:
        tmp_dir = Path(tempfile.mkdtemp(prefix="newscheck-"))
        atexit.register(shutil.rmtree, tmp_dir, ignore_errors=True)
        target = tmp_dir / name
        build(pack_dir, target, world)
    except OSError as exc:
        raise KnowledgeBaseNotFound(
            f"cannot build the starter pack: the cache directory and the temporary directory "
            f"are not writable ({exc.strerror or exc})",
            "set XDG_CACHE_HOME or TMPDIR to a writable directory, or pass --kb PATH") from None
    return target
