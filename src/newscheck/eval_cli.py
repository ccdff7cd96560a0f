"""``newscheck eval DATASET FILE``: score a stance back-end on a claim-level evidence dataset."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

NliOption = Annotated[Path | None, typer.Option(
    "--nli-model", help="Local Hugging Face NLI checkpoint or ONNX export for stance "
                        "(extra 'dense').")]
LlmOption = Annotated[str | None, typer.Option(
    "--llm-endpoint", help="OpenAI-compatible chat endpoint for stance (never called unless "
                           "given).")]


def eval_command(
    dataset: Annotated[str, typer.Argument(
        help="climate-fever, liar-plus, jsonl (claim, evidence list, label) or gold (a directory "
             "of gold articles).")],
    file: Annotated[Path, typer.Argument(help="The dataset file (a directory for gold).")],
    limit: Annotated[int | None, typer.Option(
        min=1, help="Only the first N claims (not for gold).")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    plot: Annotated[Path | None, typer.Option(
        help="Also draw the confusion matrix and per-label bars into this PNG "
             "(extra 'plot').")] = None,
    nli_model: NliOption = None,
    llm_endpoint: LlmOption = None,
) -> None:
    """Score verdicts from evidence text: accuracy, macro-F1, per-label precision/recall,
    confusion matrix and the majority baseline."""
    from .cli_common import fail, write_output
    from .errors import MalformedInput, NewscheckError
    from .evaluate.stance_eval import DATASET_NAMES, evaluate_gold, evaluate_stance, plot_png
    from .evaluate.stance_sets import load_examples
    from .stance import load_stance

    try:
        if format not in ("text", "json"):
            raise MalformedInput(f"unknown format {format!r}", "use --format text or json")
        if dataset not in DATASET_NAMES:
            raise MalformedInput(f"unknown dataset {dataset!r}",
                                 f"choose one of {', '.join(DATASET_NAMES)}")
        if dataset == "gold":
            result = evaluate_gold(file)
        else:
            examples = load_examples(dataset, file, limit)
            model = load_stance(nli_model=nli_model, llm_endpoint=llm_endpoint)
            result = evaluate_stance(examples, model)
        result.update(dataset=dataset, file=str(file))
        if plot is not None:
            plot_png(result, f"{dataset}: {file.name}", plot)
        from .evaluate.stance_eval import render_text

        text = json.dumps(result, indent=2) + "\n" if format == "json" else \
            render_text(dataset, str(file), result)
        write_output(text, None)
    except NewscheckError as exc:
        fail(exc)
