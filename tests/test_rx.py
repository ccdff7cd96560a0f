"""newscheck.rx: the per-install cache of compiled regular expressions gives the very pattern
``re.compile`` gives (CPython compares patterns by flags and compiled program), from a fresh
compile, from the file a previous process wrote, and whatever state the file is in."""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import newscheck
from newscheck import rx

CPYTHON = sys.implementation.name == "cpython"
SAMPLES: list[tuple[str | bytes, int]] = [
    (r"\b(?P<first>[A-Z]\w+)\s+(?P<last>[A-Z]\w+)\b", 0),
    (r"(?i:prime|vice)\s+minister(?:s)?\b", 0),
    (r"^\s*(?:share|tweet|e-?mail)(?:\s+(?:this|article))?\s*$", re.I | re.M),
    (r"(?<=\d)(st|nd|rd|th)\b|é+|[\u0400-\u04ff]+", re.U),
    (rb"charset\s*=\s*[\"']?([\w-]+)", re.I),
    (r"(a)(b)?(?(2)c|d)", 0),
]
TEXTS = ["Prime Minister Fumio Kishida", "VICE MINISTERS", "  Share this  ", "the 21st é",
         "charset = 'utf-8'", "abc", "ad", ""]


@pytest.fixture()
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """rx as in a new process, its cache in a private directory."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("NEWSCHECK_REGEX_CACHE", raising=False)
    _reset(monkeypatch)
    yield tmp_path
    _reset(monkeypatch)


def _reset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rx, "_cache", None)
    monkeypatch.setattr(rx, "_used", {})
    monkeypatch.setattr(rx, "_dirty", False)
    monkeypatch.setattr(rx, "_engine", None)
    monkeypatch.setattr(rx, "_last_used", {})
    monkeypatch.setattr(rx, "_generation", 0)


def _same(a: re.Pattern[str] | re.Pattern[bytes], pattern: str | bytes, flags: int) -> None:
    b = re.compile(pattern, flags)
    assert a == b          # flags, kind and the compiled program
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups,
                                                            b.groupindex)
    for text in TEXTS:
        subject: str | bytes = text.encode() if isinstance(pattern, bytes) else text
        ma, mb = a.search(subject), b.search(subject)  # type: ignore[arg-type]
        assert (ma and (ma.span(), ma.groups(), ma.groupdict())) == \
            (mb and (mb.span(), mb.groups(), mb.groupdict()))


@pytest.mark.skipif(not CPYTHON, reason="the cache needs CPython's compiler hooks")
def test_compiled_then_read_back_by_the_next_process(fresh: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    for pattern, flags in SAMPLES:
        _same(rx.compile(pattern, flags), pattern, flags)
    rx.save()
    files = list(fresh.glob("newscheck/regex-*.marshal"))
    assert len(files) == 1
    _reset(monkeypatch)                         # the next process
    for pattern, flags in SAMPLES:
        _same(rx.compile(pattern, flags), pattern, flags)
    assert set(rx._load()) >= {(p, f) for p, f in SAMPLES}
    assert rx._dirty is False                   # every pattern came from the file


@pytest.mark.skipif(not CPYTHON, reason="the cache needs CPython's compiler hooks")
@pytest.mark.parametrize("damage", ["garbage", "empty", "wrong shape", "bad entry", "bad code",
                                    "changed program"])
def test_a_damaged_file_falls_back_to_re(fresh: Path, monkeypatch: pytest.MonkeyPatch,
                                         damage: str) -> None:
    import marshal

    def sealed(data: object) -> bytes:      # a well-formed file (right digest) holding data
        payload = marshal.dumps(data)
        return rx._digest(payload) + payload

    pattern, flags = SAMPLES[0]
    rx.compile(pattern, flags)
    rx.save()
    target = rx.cache_path()
    if damage == "garbage":
        target.write_bytes(b"\x00not marshal\xff" * 10)
    elif damage == "empty":
        target.write_bytes(b"")
    elif damage == "wrong shape":
        target.write_bytes(sealed([1, 2, 3]))
    elif damage == "bad entry":
        target.write_bytes(sealed((1, {(pattern, flags): (1, "x", 2)}, {})))
    elif damage == "bad code":   # a program the engine rejects
        target.write_bytes(sealed((1, {(pattern, flags): (32, b"\xff\xff\xff\xff", 2, {},
                                                           (None,))}, {})))
    else:   # bytes changed on disk: another pattern's valid program under this key
        other = rx._program(r"\bzz(?P<first>z)(?P<last>z)\b", flags)
        raw = target.read_bytes()
        data = marshal.loads(raw[rx._DIGEST:])
        data[1][(pattern, flags)] = other
        target.write_bytes(raw[:rx._DIGEST] + marshal.dumps(data))   # the old digest
    _reset(monkeypatch)
    _same(rx.compile(pattern, flags), pattern, flags)


@pytest.mark.skipif(not CPYTHON, reason="the cache needs CPython's compiler hooks")
def test_patterns_no_saving_process_uses_are_dropped(fresh: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A pattern that is new in every process (a library's, built from a set) is saved each
    time, and dropped after KEEP_SAVES saves that did not use it: the file stays bounded."""
    monkeypatch.setattr(rx, "KEEP_SAVES", 3)
    steady, flags = SAMPLES[0]
    for n in range(8):
        _reset(monkeypatch)
        rx.compile(steady, flags)
        rx.compile(f"(?:variant{n})+", 0)        # a miss in every "process"
        rx.save()
    _reset(monkeypatch)
    kept = set(rx._load())
    assert (steady, flags) in kept
    assert {k for k in kept if k[0].startswith("(?:variant")} == {
        (f"(?:variant{n})+", 0) for n in range(4, 8)}


def test_switched_off_or_unwritable_still_compiles(fresh: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCHECK_REGEX_CACHE", "0")
    for pattern, flags in SAMPLES:
        _same(rx.compile(pattern, flags), pattern, flags)
    rx.save()
    assert not list(fresh.rglob("regex-*"))
    _reset(monkeypatch)
    monkeypatch.delenv("NEWSCHECK_REGEX_CACHE")
    (fresh / "newscheck").write_text("a file where the directory should be")
    for pattern, flags in SAMPLES:
        _same(rx.compile(pattern, flags), pattern, flags)
    rx.save()                                   # no error


def _module_patterns() -> Iterator[tuple[str, str, re.Pattern[str]]]:
    for info in pkgutil.walk_packages(newscheck.__path__, "newscheck."):
        if info.name.startswith(("newscheck.service", "newscheck.batch.ray")):
            continue        # optional extras
        try:
            module = importlib.import_module(info.name)
        except ImportError:
            continue
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                yield info.name, name, value


@pytest.mark.skipif(not CPYTHON, reason="the cache needs CPython's compiler hooks")
def test_every_module_pattern_equals_re_compile_in_a_second_process(tmp_path: Path) -> None:
    """Two processes import every module with one cache directory: the second reads the
    programs the first wrote, and each module-level pattern equals ``re.compile``'s."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("NEWSCHECK_REGEX_CACHE", None)
    root = str(Path(__file__).resolve().parent.parent)
    code = (f"import re, sys; sys.path.insert(0, {root!r});"
            "from tests.test_rx import _module_patterns; from newscheck import rx;"
            "bad = [m + '.' + n for m, n, p in _module_patterns()"
            " if p != re.compile(p.pattern, p.flags)]; print(len(rx._used), rx._dirty, bad)")
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                           text=True, check=True).stdout.split(maxsplit=2)
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, check=True).stdout.split(maxsplit=2)
    assert int(first[0]) > 150 and first[1] == "True" and first[2].strip() == "[]"
    assert second == [first[0], "False", "[]\n"]    # all read from the file, all equal


@pytest.mark.skipif(not CPYTHON, reason="the cache needs CPython's compiler hooks")
def test_library_import_restores_re_whatever_the_threads(fresh: Path) -> None:
    """Threads importing libraries at once each patch and restore ``re`` in turn: ``re`` is
    itself again afterwards, and a compile in another thread meanwhile is never cached."""
    import threading

    original = re._compile  # type: ignore[attr-defined]
    inside = threading.Barrier(2, timeout=5)

    def importer(n: int) -> None:
        with rx.library_import():
            re.compile(f"(?:imported{n})+")
            if n == 0:
                inside.wait()       # the other thread compiles while this one is inside

    def bystander() -> None:
        inside.wait()
        re.compile("(?:article text)+")

    threads = [threading.Thread(target=importer, args=(n,)) for n in range(3)]
    threads.append(threading.Thread(target=bystander))
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert re._compile is original  # type: ignore[attr-defined]
    assert {k[0] for k in rx._load()} == {f"(?:imported{n})+" for n in range(3)}
