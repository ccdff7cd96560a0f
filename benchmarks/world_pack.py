"""What shipping the world pack costs: the default KB without it (starter pack + US Congress, the
anchor) against the shipped one (with it), measured in the same run.

    python benchmarks/world_pack.py [--runs 30] [--builds 5] [--cold 7] [--no-wheel]

Prints medians and ratios for: the first-run KB build (the cached SQLite file built from the
packs), a warm check of a ~600-word article (the article benchmarks/check.py picks), the CLI
cold start (``newscheck check`` in a new process, gazetteer disk cache warm, both KBs alternated)
and the wheel's size. Goals (issue 10): warm check ≤ 15 ms, cold start within 0.05 s of the
starter pack's, wheel ≤ 25 MB, first-run build ≤ 3 s.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _check_bench():   # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_check", ROOT / "benchmarks" / "check.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def builds(n: int, tmp: Path) -> dict[str, list[float]]:
    from newscheck.knowledge.starter import build, default_pack_dir
    from newscheck.knowledge.worldpack import default_pack_dir as world_dir

    out: dict[str, list[float]] = {"without the world pack": [], "shipped (with it)": []}
    for i in range(n):
        for name, world in (("without the world pack", None), ("shipped (with it)", world_dir())):
            t0 = time.perf_counter()
            build(default_pack_dir(), tmp / f"b{i}-{world is not None}.sqlite", world)
            out[name].append(time.perf_counter() - t0)
    return out


def wheel_size(tmp: Path) -> float | None:
    out = tmp / "wheel"
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps",
                           "-q", "-w", str(out)], capture_output=True,
                          check=False)
    wheels = list(out.glob("newscheck-*.whl"))
    if proc.returncode != 0 or not wheels:
        print(f"  ! pip wheel failed: {proc.stderr.decode(errors='replace')[:200]}")
        return None
    return wheels[0].stat().st_size / 1e6


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--builds", type=int, default=5)
    ap.add_argument("--cold", type=int, default=7)
    ap.add_argument("--no-wheel", action="store_true")
    args = ap.parse_args(argv)
    bench = _check_bench()
    from newscheck.knowledge import open_kb
    from newscheck.pipeline import check

    med = statistics.median
    with tempfile.TemporaryDirectory(prefix="newscheck-world-") as tmp_name:
        tmp = Path(tmp_name)
        b = builds(args.builds, tmp)
        print(f"first-run KB build (median of {args.builds}):")
        for name, secs in b.items():
            print(f"  {name:24} {med(secs):6.2f} s")
        print(f"  ratio {med(b['shipped (with it)']) / med(b['without the world pack']):.1f}x; "
              f"goal ≤ 3 s: {'met' if med(b['shipped (with it)']) <= 3 else 'NOT met'}")
        kbs = {"without the world pack": tmp / "b0-False.sqlite",
               "shipped (with it)": tmp / "b0-True.sqlite"}
        name, text, published = bench.pick_article(None)
        article = tmp / "article.txt"
        article.write_text(text, encoding="utf-8")
        print(f"article: {name} ({len(text.split())} words), published {published}")
        warm = {}
        for label, path in kbs.items():
            kb = open_kb(path)
            warm[label] = bench.timed(lambda kb=kb: check(text, published=published, kb=kb),
                                      args.runs)
            kb.close()
        print(f"warm check (median of {args.runs}):")
        for label, ms in warm.items():
            print(f"  {label:24} {med(ms):6.2f} ms")
        w = med(warm["shipped (with it)"])
        print(f"  ratio {w / med(warm['without the world pack']):.2f}x; goal ≤ 15 ms: "
              f"{'met' if w <= 15 else 'NOT met'}")
        exe = Path(sys.executable).with_name("newscheck")
        cli = [str(exe)] if exe.exists() else [sys.executable, "-m", "newscheck.cli"]
        cmds = {label: [*cli, "check", str(article), "--published", published, "--kb", str(p)]
                for label, p in kbs.items()}
        for cmd in cmds.values():
            bench.run_cold(cmd, 1)          # fills the gazetteer disk cache
        cold: dict[str, list[float]] = {label: [] for label in cmds}
        for _ in range(args.cold):          # alternated, so machine noise hits both
            for label, cmd in cmds.items():
                cold[label] += bench.run_cold(cmd, 1)
        print(f"CLI cold start, newscheck check (median of {args.cold}):")
        for label, ms in cold.items():
            print(f"  {label:24} {med(ms):6.0f} ms")
        diff = med(cold["shipped (with it)"]) - med(cold["without the world pack"])
        print(f"  difference {diff:+.0f} ms; goal ≤ +50 ms: {'met' if diff <= 50 else 'NOT met'}")
        if not args.no_wheel:
            size = wheel_size(tmp)
            if size is not None:
                print(f"wheel: {size:.1f} MB; goal ≤ 25 MB: {'met' if size <= 25 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
