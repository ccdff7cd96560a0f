"""Article-extraction benchmark: newscheck's HTML intake against trafilatura, in one run.

Three trafilatura peers: its defaults (``trafilatura.extract(html)``, what most people call); the
call newscheck's intake wraps, made the way trafilatura makes it (``trafilatura.utils.load_html``
+ ``bare_extraction`` in the intake's body mode, recall + fast); and the same call on the tree
intake parses (``newscheck.intake.decode.decode_checked`` + ``newscheck.intake.deep.parse``:
trafilatura's parser options with lxml's element class lookup done in C, and its removal of the
characters XML forbids skipped when decoding found none, which makes trafilatura's own call
faster). The overhead figures
are newscheck's time over the second (the headline) and over the third: what intake adds
(decoding, captions, metadata, date, debris filter, the list of dropped blocks) to the
extraction it builds on.

Data: ``../shared/data/article-extraction-benchmark`` (181 gzipped news pages in
``html/*.html.gz``, gold bodies in ``ground-truth.json``, scoring in its ``evaluate.py``, whose
``string_shingle_matching`` and ``metrics_from_tp_fp_fns`` are imported here unchanged).

All extractors get the same decompressed bytes. Scores come from the first pass (extraction is
deterministic); speed is the median of ``--repeat`` timing passes. Within a pass every page goes
through every extractor back to back, in alternating order, so that load from other processes
(the machine is shared) hits all alike.

    python3 benchmarks/extraction.py [--repeat 3] [--limit N] [--gate] [--data DIR] [--stages]

``--stages`` then also times intake's stages (CPU time, each stage timed inside ``extract``, the
median of ``--repeat`` passes) next to trafilatura's own parse and the call intake wraps.

``--gate`` exits 1 when newscheck's F1 is under 0.96 or its speed under 0.8× trafilatura's
defaults.
Without the data the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "article-extraction-benchmark"
GATE_F1 = 0.96
GATE_SPEED_RATIO = 0.8


def load_evaluate(data: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("aeb_evaluate", data / "evaluate.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {data / 'evaluate.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_pages(data: Path, limit: int | None) -> dict[str, bytes]:
    paths = sorted((data / "html").glob("*.html.gz"))[:limit]
    return {p.name.split(".")[0]: gzip.decompress(p.read_bytes()) for p in paths}


def trafilatura_default(html: bytes) -> str:
    """trafilatura as most people call it: ``extract(html)`` with its defaults."""
    import trafilatura

    return trafilatura.extract(html) or ""


def _body_mode_call(tree: object) -> str:
    """``bare_extraction`` as intake calls it (newscheck's body mode)."""
    from trafilatura import bare_extraction

    from newscheck.intake.html import BODY_MODE

    doc = bare_extraction(tree, include_comments=False, include_tables=True,
                          with_metadata=False, favor_precision=BODY_MODE.precision,
                          favor_recall=BODY_MODE.recall, fast=BODY_MODE.fast)
    return (getattr(doc, "text", None) or "") if doc is not None else ""


def trafilatura_as_called(html: bytes) -> str:
    """The trafilatura call newscheck's intake wraps: parse once, then ``bare_extraction`` in
    newscheck's body mode (recall + fast, tables, no comments, no metadata)."""
    from trafilatura.utils import load_html

    tree = load_html(html)
    return "" if tree is None else _body_mode_call(tree)


def trafilatura_on_intake_parse(html: bytes) -> str:
    """The same call on the tree intake parses (its parser, same options as trafilatura's)."""
    from newscheck.intake.decode import decode_checked
    from newscheck.intake.deep import parse

    text, _, clean = decode_checked(html, normal=False)
    tree = parse(text, clean=clean)
    return "" if tree is None else _body_mode_call(tree)


def newscheck_intake(html: bytes) -> str:
    from newscheck.errors import InputError
    from newscheck.intake import extract

    try:
        return extract(html).text
    except InputError:
        return ""


def run_pass(runners: dict[str, Callable[[bytes], str]], pages: dict[str, bytes],
             flip: bool) -> tuple[dict[str, dict[str, str]], dict[str, float]]:
    """One pass over the pages; each page goes through both extractors back to back (in
    alternating order), so that a burst of load from other processes hits both alike."""
    outputs: dict[str, dict[str, str]] = {name: {} for name in runners}
    seconds = dict.fromkeys(runners, 0.0)
    names = list(runners)
    for i, (key, html) in enumerate(pages.items()):
        for name in (names if (i % 2 == 0) != flip else names[::-1]):
            start = time.perf_counter()
            outputs[name][key] = runners[name](html)
            seconds[name] += time.perf_counter() - start
    return outputs, seconds


STAGES = (("", "decode_checked", "decoding and its checks"),
          ("deep", "load", "parse"),
          ("html", "_body", "trafilatura's extraction on intake's tree"),
          ("html", "scan", "one pass over the page (blocks, captions, h1, JSON-LD)"),
          ("html", "sort_lines", "debris filter"),
          ("html", "_metadata", "metadata"),
          ("html", "dropped_blocks", "list of dropped blocks"),
          ("html", "_page_date", "date (htmldate)"))


def stage_times(pages: dict[str, bytes], repeat: int) -> None:
    """Print the CPU time of intake's stages over the pages, and of trafilatura's parse and of
    the call intake wraps, the median of ``repeat`` passes."""
    import importlib

    from trafilatura.utils import load_html

    spent: dict[str, list[float]] = {}
    current: dict[str, float] = {}

    def timed(label: str, fn: Callable[..., object]) -> Callable[..., object]:
        def run(*args: object, **kwargs: object) -> object:
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                current[label] = current.get(label, 0.0) + time.process_time() - start
        return run

    originals = []
    for module_name, attr, label in STAGES:
        module = importlib.import_module(f"newscheck.intake.{module_name}".rstrip("."))
        originals.append((module, attr, getattr(module, attr)))
        setattr(module, attr, timed(label, getattr(module, attr)))
    runs = {"newscheck intake (whole)": newscheck_intake,
            "trafilatura as called (whole)": trafilatura_as_called,
            "trafilatura's load_html": load_html}
    try:
        for _ in range(max(1, repeat)):
            for label, fn in runs.items():
                start = time.process_time()
                for html in pages.values():
                    fn(html)
                current[label] = time.process_time() - start
            for label, seconds in current.items():
                spent.setdefault(label, []).append(seconds)
            current.clear()
    finally:
        for module, attr, fn in originals:
            setattr(module, attr, fn)
    base = statistics.median(spent["trafilatura as called (whole)"])
    print(f"CPU time over {len(pages)} pages, median of {repeat} passes (share of the call "
          f"intake wraps):")
    for label, values in spent.items():
        ms = statistics.median(values) * 1000
        print(f"  {label:<56}{ms:>8.0f} ms {ms / 1000 / base:>7.1%}")


def score(evaluate: ModuleType, gold: dict[str, dict[str, str]],
          pred: dict[str, str]) -> dict[str, float]:
    tp_fp_fns = [evaluate.string_shingle_matching(true=gold[k].get("articleBody", ""),
                                                  pred=pred.get(k, ""))
                 for k in pred]
    metrics: dict[str, float] = evaluate.metrics_from_tp_fp_fns(tp_fp_fns)
    return metrics


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3, help="timing passes (median is shown)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--gate", action="store_true",
                        help=f"exit 1 unless F1 >= {GATE_F1} and speed >= {GATE_SPEED_RATIO}x")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--stages", action="store_true", help="also time intake's stages")
    args = parser.parse_args(argv)

    if not (args.data / "ground-truth.json").is_file():
        print(f"skipped: benchmark data not found at {args.data}")
        return 0
    evaluate = load_evaluate(args.data)
    gold = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = load_pages(args.data, args.limit)
    runners = {"trafilatura default": trafilatura_default,
               "trafilatura as called": trafilatura_as_called,
               "  on intake's parse": trafilatura_on_intake_parse,
               "newscheck intake": newscheck_intake}
    first = next(iter(pages.values()))
    for fn in runners.values():                 # warm up: imports, lazy caches
        fn(first)

    preds: dict[str, dict[str, str]] = {}
    times: dict[str, list[float]] = {name: [] for name in runners}
    for i in range(max(1, args.repeat)):
        outputs, seconds = run_pass(runners, pages, flip=i % 2 == 1)
        for name in runners:
            preds.setdefault(name, outputs[name])
            times[name].append(seconds[name])

    rows = {}
    for name in runners:
        metrics = score(evaluate, gold, preds[name])
        seconds = statistics.median(times[name])
        rows[name] = {**metrics, "pages_per_s": len(pages) / seconds,
                      "empty": sum(1 for t in preds[name].values() if not t)}

    import trafilatura

    print(f"{len(pages)} pages, {args.repeat} timing passes (median); "
          f"trafilatura {trafilatura.__version__}")
    print(f"{'':<23}{'F1':>8}{'precision':>11}{'recall':>9}{'pages/s':>10}{'empty':>7}"
          f"{'time ÷ as called':>18}")
    base = rows["trafilatura as called"]["pages_per_s"]
    for name, r in rows.items():
        print(f"{name:<23}{r['f1']:>8.4f}{r['precision']:>11.4f}{r['recall']:>9.4f}"
              f"{r['pages_per_s']:>10.1f}{r['empty']:>7}{base / r['pages_per_s']:>17.2f}x")
    ours = rows["newscheck intake"]
    f1_ratio = ours["f1"] / rows["trafilatura default"]["f1"]
    speed_ratio = ours["pages_per_s"] / rows["trafilatura default"]["pages_per_s"]
    overhead = base / ours["pages_per_s"]
    same_parse = rows["  on intake's parse"]["pages_per_s"] / ours["pages_per_s"]
    print(f"newscheck intake: {overhead:.2f}x the time of the trafilatura call it wraps "
          f"({same_parse:.2f}x that call on intake's own parse); "
          f"{1 / speed_ratio:.2f}x the time of trafilatura's defaults; F1 {ours['f1']:.3f} "
          f"({f1_ratio:.3f}x the defaults')")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "f1_ratio": f1_ratio,
                                         "speed_ratio": speed_ratio, "overhead": overhead,
                                         "overhead_same_parse": same_parse},
                                        indent=2) + "\n",
                             encoding="utf-8")
    if args.stages:
        stage_times(pages, args.repeat)
    if args.gate and (ours["f1"] < GATE_F1 or speed_ratio < GATE_SPEED_RATIO):
        print(f"gate failed: need F1 >= {GATE_F1} and speed >= {GATE_SPEED_RATIO}x")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
