"""Throughput of ``newscheck batch`` on 10,000 generated articles, text and HTML, at 1 and 2
workers, with trafilatura alone on the same HTML in the same run as the anchor.

    python3 benchmarks/batch.py [--articles 10000] [--workers 1 2] [--repeat 1] [--no-ray]

Articles are generated from the project's own examples: the bodies of the held-out gold texts
(tests/data/heldout*/*.txt) and of examples/seoul-summit.html, each variant numbered so no two are
alike; the HTML set puts those bodies into the example page's layout (navigation, cookie banner,
share bar, related links). Each configuration runs in a fresh subprocess that checks the whole set
into a JSONL output and reports wall time and peak RSS of the parent process and of its largest
worker. The anchor is ``trafilatura.extract`` over the same HTML with the same number of processes:
its default call, and the recall+fast call newscheck's intake makes.

Goals (issue 13): ≥ 100 text articles/s on 2 cores; HTML checks ≥ 0.8× trafilatura alone. Ray:
the same text set with ``--engine ray --workers 2`` (Ray start-up included and also shown apart).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BATCH = """
import json, resource, sys, time
from pathlib import Path
from newscheck.batch import BatchOptions, run_batch
def cpu():
    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime
def own():
    a = resource.getrusage(resource.RUSAGE_SELF)
    return a.ru_utime + a.ru_stime
c0, o0 = cpu(), own()
t0 = time.perf_counter()
s = run_batch(BatchOptions(inputs=[sys.argv[1]], out=Path(sys.argv[2]), workers=int(sys.argv[3]),
                           engine=sys.argv[4]))
secs = time.perf_counter() - t0
me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"secs": secs, "cpu": cpu() - c0, "parent_cpu": own() - o0, "n": s.articles,
                  "ok": s.ok, "rss": me, "worker_rss": kids}))
"""

TRAFILATURA = """
import json, resource, sys, time
from multiprocessing import get_context
import trafilatura
KW = {"default": {}, "recall+fast": {"favor_recall": True, "fast": True}}[sys.argv[3]]
def one(html):
    return len(trafilatura.extract(html, **KW) or "")
pages = [json.loads(l)["html"] for l in open(sys.argv[1], encoding="utf-8")]
w = int(sys.argv[2])
def cpu():
    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime
c0 = cpu()
t0 = time.perf_counter()
if w == 1:
    out = [one(p) for p in pages]
else:
    with get_context("fork").Pool(w) as pool:
        out = pool.map(one, pages, chunksize=8)
secs = time.perf_counter() - t0
me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"secs": secs, "cpu": cpu() - c0, "n": len(out),
                  "ok": sum(1 for x in out if x), "rss": me, "worker_rss": kids}))
"""

RAY_START = """
import json, time
from newscheck.batch.ray_engine import init
t0 = time.perf_counter()
init(2)
import ray
print(json.dumps({"secs": time.perf_counter() - t0}))
ray.shutdown()
"""


def bodies() -> list[list[str]]:
    """Paragraph lists of the project's example texts."""
    out = []
    for path in sorted(ROOT.glob("tests/data/heldout*/*.txt")):
        paras = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        out.append(paras)
    page = (ROOT / "examples" / "seoul-summit.html").read_text(encoding="utf-8")
    out.append(re.findall(r"<p>(.*?)</p>", page.split("<article>")[1].split("</article>")[0]))
    return out


def generate(folder: Path, n: int) -> tuple[Path, Path]:
    import html as htmlmod

    page = (ROOT / "examples" / "seoul-summit.html").read_text(encoding="utf-8")
    head, rest = page.split("<article>", 1)
    _, tail = rest.split("</article>", 1)
    texts = bodies()
    text_path, html_path = folder / "text.jsonl", folder / "html.jsonl"
    with text_path.open("w", encoding="utf-8") as tf, html_path.open("w", encoding="utf-8") as hf:
        for i in range(n):
            paras = texts[i % len(texts)]
            title = f"Dispatch {i}: {paras[0][:60]}"
            body = [f"Report number {i} from our correspondents.", *paras]
            tf.write(json.dumps({"id": f"t{i}", "text": "\n\n".join([title, *body])}) + "\n")
            article = "".join(f"  <p>{htmlmod.escape(p)}</p>\n" for p in body)
            doc = (head.replace("<title>", f"<title>{htmlmod.escape(title)} – ", 1)
                   + f"<article>\n  <h1>{htmlmod.escape(title)}</h1>\n{article}</article>" + tail)
            hf.write(json.dumps({"id": f"h{i}", "html": doc}) + "\n")
    return text_path, html_path


def child(code: str, *args: str) -> dict[str, float]:
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          check=False)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def median_run(repeat: int, code: str, *args: str) -> dict[str, float]:
    runs = [child(code, *args) for _ in range(repeat)]
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def show(name: str, r: dict[str, float]) -> float:
    rate = r["n"] / r["secs"]
    per_cpu = r["n"] / r["cpu"] if r.get("cpu") else float("nan")
    print(f"{name:<40} {int(r['n']):>6} {r['secs']:>7.1f} {rate:>10.1f} {per_cpu:>9.1f} "
          f"{r['rss']:>7.0f} {r['worker_rss']:>10.0f}", flush=True)
    CPU_RATE[name] = per_cpu
    if r.get("parent_cpu") is not None and r.get("worker_rss"):
        print(f"{'':<4}parent process (read, queue, write): {r['parent_cpu']:.1f} CPU-s, "
              f"{100 * r['parent_cpu'] / r['cpu']:.0f} % of the run's CPU", flush=True)
    return rate


CPU_RATE: dict[str, float] = {}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--no-ray", action="store_true", help="skip the Ray comparison")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        text, html = generate(d, args.articles)
        print(f"{args.articles} articles each; text {text.stat().st_size / 1e6:.1f} MB, "
              f"HTML {html.stat().st_size / 1e6:.1f} MB")
        print(f"{'run':<40} {'n':>6} {'wall s':>7} {'articles/s':>10} {'/CPU-s':>9} "
              f"{'RSS MB':>7} {'worker MB':>10}")
        rates: dict[str, float] = {}
        for w in args.workers:
            for kind, path in (("text", text), ("html", html)):
                out = d / f"out-{kind}-{w}.jsonl"
                rates[f"{kind} {w}"] = show(f"newscheck batch {kind}, {w} worker(s)",
                                            median_run(args.repeat, BATCH, str(path), str(out),
                                                       str(w), "local"))
                out.unlink()
            for mode in ("default", "recall+fast"):
                rates[f"traf {mode} {w}"] = show(
                    f"trafilatura.extract {mode}, {w} proc",
                    median_run(args.repeat, TRAFILATURA, str(html), str(w), mode))
        ray = None
        if not args.no_ray:
            try:
                import ray as _ray  # noqa: F401
            except ImportError:
                print("ray: not installed (pip install 'newscheck[ray]'); skipped")
            else:
                start = median_run(1, RAY_START)["secs"]
                out = d / "out-ray.jsonl"
                ray = show("newscheck batch text, ray, 2 workers",
                           median_run(args.repeat, BATCH, str(text), str(out), "2", "ray"))
                print(f"ray start-up alone: {start:.1f} s")
        print()
        for w in args.workers:
            print(f"{w} worker(s): text {rates[f'text {w}']:.1f} articles/s (goal ≥ 100 on 2 "
                  f"cores); HTML {rates[f'html {w}']:.1f}/s = "
                  f"{rates[f'html {w}'] / rates[f'traf default {w}']:.2f}× trafilatura default, "
                  f"{rates[f'html {w}'] / rates[f'traf recall+fast {w}']:.2f}× its recall+fast "
                  f"call (goal ≥ 0.8×)")
        if len(args.workers) > 1:
            a, b = args.workers[0], args.workers[-1]
            print(f"speed-up {a}→{b} workers: text {rates[f'text {b}'] / rates[f'text {a}']:.2f}×"
                  f", HTML {rates[f'html {b}'] / rates[f'html {a}']:.2f}×")
        text1 = CPU_RATE.get("newscheck batch text, 1 worker(s)")
        html1 = CPU_RATE.get("newscheck batch html, 1 worker(s)")
        traf1 = CPU_RATE.get("trafilatura.extract default, 1 proc")
        fast1 = CPU_RATE.get("trafilatura.extract recall+fast, 1 proc")
        if text1 and html1 and traf1 and fast1:
            print(f"per CPU-second (robust to a busy machine): text {text1:.1f}, HTML {html1:.1f} "
                  f"articles = {html1 / traf1:.2f}× trafilatura default, {html1 / fast1:.2f}× "
                  f"recall+fast; two free cores would give at most {2 * text1:.0f} text "
                  f"articles/s")
        if ray is not None and "text 2" in rates:
            print(f"ray at 2 workers: {ray:.1f} articles/s = {ray / rates['text 2']:.2f}× local "
                  f"(overhead {rates['text 2'] / ray:.2f}× the local wall time, start-up "
                  f"included)")


if __name__ == "__main__":
    main()
