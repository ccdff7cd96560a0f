"""Sentences a reader can check, and the evidence items behind them.

Every verdict names the people, offices and dates it rests on; every term it used becomes one
``kb_statement`` evidence item (docs/report-schema.md).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Evidence, Term, Verdict, VerdictLabel
from .facts import Facts

P39 = "P39"


def person_label(term: Term, facts: Facts) -> str:
    return term.person_label or facts.label(term.person)


def position_label(term: Term, facts: Facts) -> str:
    return term.position_label or facts.label(term.position)


def span(term: Term) -> str:
    """"from 2012-12-26 to 2017-08-03", "from 2021-10-04", "until 2017" or "(dates unknown)"."""
    if term.start and term.end:
        return f"from {term.start.iso()} to {term.end.iso()}"
    if term.start:
        return f"from {term.start.iso()}"
    if term.end:
        return f"until {term.end.iso()}"
    return "(dates unknown)"


def held(term: Term, facts: Facts, *, who: bool = True) -> str:
    """"Fumio Kishida was Prime Minister of Japan from 2021-10-04"."""
    prefix = f"{person_label(term, facts)} was " if who else ""
    return f"{prefix}{position_label(term, facts)} {span(term)}"


def spans(terms: Iterable[Term]) -> str:
    """"from 2012-12-26 to 2017-08-03 and from 2021-10-04" (sorted by start)."""
    parts = [span(t) for t in sorted(terms, key=_start_key)]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _start_key(term: Term) -> str:
    return term.start.value.isoformat() if term.start else ""


def join(items: list[str], word: str = "and") -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def evidence(term: Term, facts: Facts) -> Evidence:
    """The ``kb_statement`` evidence item for one term."""
    who, what = person_label(term, facts), position_label(term, facts)
    return Evidence(
        kind="kb_statement",
        source=term.source,
        text=f"{who} held {what} {span(term)}.",
        id=term.statement,
        extra={
            "subject": term.person, "subject_label": who,
            "property": P39,
            "value": term.position, "value_label": what,
            "start": term.start.iso() if term.start else None,
            "end": term.end.iso() if term.end else None,
            "start_precision": term.start.precision if term.start else None,
            "end_precision": term.end.precision if term.end else None,
            "source_as_of": term.as_of.isoformat() if term.as_of else None,
        },
    )


def verdict(label: VerdictLabel, confidence: float, sentence: str, terms: Iterable[Term] = (),
            facts: Facts | None = None, notes: Iterable[str] = ()) -> Verdict:
    """A Verdict with one evidence item per distinct term (in order of first use)."""
    items: list[Evidence] = []
    seen: set[tuple[str, str, str, str]] = set()
    if facts is not None:
        for t in terms:
            key = (t.person, t.position, span(t), t.statement or "")
            if key not in seen:
                seen.add(key)
                items.append(evidence(t, facts))
    items += [Evidence(kind="note", source="newscheck", text=n) for n in notes]
    text = sentence.strip()
    if text and not text.endswith("."):
        text += "."
    return Verdict(label, confidence if label != "not_enough_evidence" else 0.0, text,
                   tuple(items))


def withheld(v: Verdict, because: str) -> Verdict:
    """A refutation turned into not_enough_evidence: what was found, and why it is not a
    refutation."""
    text = v.explanation.rstrip(".")
    return Verdict("not_enough_evidence", 0.0,
                   f"{text}; no refutation is given because {because}.", v.evidence)


def unread_time_blocker(qualifiers: dict[str, object]) -> str | None:
    """The claim was checked at the anchor, but the sentence narrates another time."""
    unread = qualifiers.get("unread_time")
    if not unread:
        return None
    return f"the sentence also refers to another time (“{unread}”) the claim may be about"
