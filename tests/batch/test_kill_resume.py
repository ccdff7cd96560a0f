"""kill -9 a real batch run at some moment, then --resume: every input exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.batch.test_batch import TEXT

N = 240


def _count(out: Path) -> int:
    return out.read_bytes().count(b"\n") if out.exists() else 0


def _wait_for(out: Path, lines: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while _count(out) < lines:
        assert proc.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline, "no progress"
        time.sleep(0.02)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_kill_9_then_resume(tmp_path: Path, fmt: str) -> None:
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as fh:
        for i in range(N):
            fh.write(json.dumps({"id": f"a{i}", "text": f"Story {i}.\n\n{TEXT}"}) + "\n")
    out = tmp_path / ("out.jsonl" if fmt == "jsonl" else "out")
    cmd = [sys.executable, "-m", "newscheck.cli", "batch", str(feed), "--out", str(out),
           "--format", fmt, "--workers", "2", "-q"]
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
        env = {**os.environ, "NEWSCHECK_PARQUET_FLUSH": "25"}
    else:
        env = dict(os.environ)
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE)
    probe = out / "articles" if fmt == "parquet" else out
    if fmt == "parquet":
        deadline = time.monotonic() + 120
        while len(list(probe.glob("part-*.parquet")) if probe.exists() else []) < 2:
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.02)
    else:
        _wait_for(out, N // 4, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    resumed = subprocess.run([*cmd, "--resume"], env=env, capture_output=True, text=True,
                             timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    if fmt == "jsonl":
        sources = [json.loads(x)["source"] for x in out.read_text().splitlines()]
    else:
        pq = pytest.importorskip("pyarrow.parquet")
        sources = pq.read_table(out / "articles").column("source").to_pylist()
    assert sorted(sources) == sorted(f"{feed}:{i}" for i in range(1, N + 1))


@pytest.mark.slow
@pytest.mark.ray
def test_ray_engine_matches_local(tmp_path: Path) -> None:
    """One small run on a local Ray (starts in ~15 s): same rows as the local engine, resumable."""
    pytest.importorskip("ray")
    from newscheck.batch import BatchOptions, run_batch
    from tests.batch.test_batch import make_inputs

    src = make_inputs(tmp_path)
    local, viaray = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    run_batch(BatchOptions(inputs=[src], out=local))
    stats = run_batch(BatchOptions(inputs=[src], out=viaray, engine="ray", workers=2))
    assert (stats.ok, stats.failed) == (4, 2)
    assert viaray.read_bytes() == local.read_bytes()
    lines = viaray.read_bytes().splitlines(keepends=True)
    viaray.write_bytes(b"".join(lines[:3]))
    again = run_batch(BatchOptions(inputs=[src], out=viaray, engine="ray", workers=2,
                                   resume=True))
    assert again.articles == 3 and viaray.read_bytes() == local.read_bytes()
