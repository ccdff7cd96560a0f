"""Hand-built reports for the renderer tests (no pipeline, no knowledge base).

``sample_report()`` has all three verdicts, nested and overlapping spans, an unchecked claim,
evidence of every kind, warnings and page debris. ``hostile_report()`` puts script, attribute and
URL payloads in every field a renderer shows.
"""

from __future__ import annotations

from datetime import date

from newscheck.model import (
    Article,
    Claim,
    EntityRef,
    Evidence,
    Report,
    TimeAnchor,
    Verdict,
)

PUBLISHED = date(2023, 3, 2)
TEXT = (
    "NEW DELHI — Foreign Minister Sergey Lavrov met U.S. Secretary of State Antony Blinken "
    "on Thursday.\n\n"
    "Prime Minister Boris Johnson welcomed the talks, an aide said. "
    "Mayor Jane Doe | the city's *first* mayor | was not reachable.\n\n"
    "In 2015, then-Foreign Minister Lavrov visited Berlin."
)

SCRIPT = "<script>alert(1)</script>"
ATTR = '" onmouseover="x'
JS_URL = "javascript:alert(1)"
IMG = "<img src=x onerror=alert(1)>"
PAYLOADS = (SCRIPT, ATTR, JS_URL, IMG)


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def ref(text: str, mention: str, id_: str | None = None, label: str | None = None,
        **kw: object) -> EntityRef:
    start, end = span(text, mention)
    return EntityRef(mention, id_, label, start, end, **kw)  # type: ignore[arg-type]


def claim(text: str, cid: str, kind: str, part: str, verdict: Verdict | None,
          *, time: TimeAnchor | None = None, **kw: object) -> Claim:
    start, end = span(text, part)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return Claim(
        id=cid, kind=kind, text=part,  # type: ignore[arg-type]
        sentence=text[line_start:line_end if line_end >= 0 else len(text)], start=start, end=end,
        time=time or TimeAnchor("published", PUBLISHED), verdict=verdict,
        **kw,  # type: ignore[arg-type]
    )


def kb_evidence(text: str, sid: str = "Q80115$1") -> Evidence:
    item = sid.split("$")[0]
    return Evidence("kb_statement", f"https://www.wikidata.org/wiki/{item}", text, sid,
                    {"start": "2004-03-09", "end": None})


def sample_report() -> Report:
    t = TEXT
    lavrov = ref(t, "Sergey Lavrov", "Q80115", "Sergey Lavrov")
    claims = [
        claim(t, "c1", "role", "Foreign Minister Sergey Lavrov",
              Verdict("supported", 0.95, "Sergey Lavrov has been Minister of Foreign Affairs of "
                      "Russia since 2004-03-09; 2023-03-02 is within that term.",
                      (kb_evidence("Sergey Lavrov: Minister of Foreign Affairs, 2004-03-09 to "
                                   "present"),)),
              subject=lavrov, object=ref(t, "Foreign Minister", "Q4294919", "foreign minister"),
              qualifiers={"office_kind": "foreign_minister", "country": "Q159"}),
        claim(t, "c2", "meeting",
              "Sergey Lavrov met U.S. Secretary of State Antony Blinken",
              Verdict("not_enough_evidence", 0.3, "Meetings are not recorded in the knowledge "
                      "base.", (Evidence("note", "newscheck", "no meeting data", None),)),
              subject=lavrov, object=ref(t, "Antony Blinken", "Q4773904", "Antony Blinken")),
        claim(t, "c3", "role", "U.S. Secretary of State Antony Blinken",
              Verdict("supported", 0.9, "Antony Blinken was Secretary of State from 2021-01-26.",
                      (kb_evidence("Antony Blinken: Secretary of State, 2021-01-26 to 2025-01-20",
                                   "Q4773904$9"),)),
              qualifiers={"office_kind": "foreign_minister", "country": "Q30",
                          "office_candidates": ["Q208233"]}),
        claim(t, "c4", "role", "Prime Minister Boris Johnson",
              Verdict("refuted", 0.85, "Boris Johnson was Prime Minister of the United Kingdom "
                      "from 2019-07-24 to 2022-09-06; on 2023-03-02 it was Rishi Sunak.",
                      (kb_evidence("Boris Johnson: Prime Minister, 2019-07-24 to 2022-09-06",
                                   "Q180589$3"),
                       Evidence("passage", "https://example.org/news/sunak",
                                "Rishi Sunak became Prime Minister on 25 October 2022.", "p1",
                                {"url": "https://example.org/news/sunak", "score": 12.5})))),
        claim(t, "c5", "other", "Mayor Jane Doe | the city's *first* mayor", None),
        claim(t, "c6", "former_role", "then-Foreign Minister Lavrov",
              Verdict("supported", 0.8, "Lavrov was foreign minister in 2015."),
              time=TimeAnchor("narrated", start=date(2015, 1, 1), end=date(2015, 12, 31),
                              cue="In 2015")),
    ]
    article = Article(
        text=t, title="Lavrov meets Blinken | talks *resume* in [Delhi]",
        published=PUBLISHED, published_basis="page", author="Jane Reporter",
        source="https://news.example.com/2023/03/02/lavrov-blinken",
        url="https://news.example.com/2023/03/02/lavrov-blinken", sitename="Example News",
        language="en", input_format="html",
        removed=["Advertisement", "Related: G20 ministers gather in Delhi"],
        credits=["Photo: Example Agency"],
    )
    return Report(
        article=article, claims=claims, anchor=TimeAnchor("published", PUBLISHED),
        knowledge={"name": "starter", "path": "/tmp/kb.sqlite", "as_of": "2024-06-01",
                   "sources": ["wikidata"], "entities": 1200, "statements": 3400},
        warnings=["The knowledge base is 1 year older than the article."],
        version="0.1.0",
    )


def hostile_report() -> Report:
    """Payloads everywhere: title, text, claim text, explanation, evidence, metadata."""
    t = (f"Intro {SCRIPT} and {ATTR} then {IMG}.\n"
         f"President {SCRIPT} visited {JS_URL} yesterday.")
    evil = Evidence("passage", JS_URL, f"{SCRIPT} {ATTR}", ATTR,
                    {"url": JS_URL, f"k{ATTR}": IMG, "safe": "https://ok.example/a?b=1&c=2"})
    claims = [
        claim(t, "x1", "role", f"President {SCRIPT}",
              Verdict("refuted", 0.7, f"{IMG} {ATTR} {SCRIPT}", (evil,)),
              subject=ref(t, SCRIPT, ATTR, IMG), qualifiers={ATTR: SCRIPT}),
        claim(t, "x2", "visit", f"{SCRIPT} visited {JS_URL}",
              Verdict("supported", 1.0, JS_URL, (evil,))),
        claim(t, "x3", "other", f"{ATTR} then {IMG}",
              Verdict("not_enough_evidence", 0.0, ATTR)),
    ]
    article = Article(
        text=t, title=f"{SCRIPT}{ATTR}", published=PUBLISHED, author=f"{IMG}{ATTR}",
        source=JS_URL, url=JS_URL, sitename=SCRIPT, language=f'en{ATTR}',
        removed=[SCRIPT, IMG], credits=[ATTR, JS_URL],
    )
    return Report(article=article, claims=claims,
                  anchor=TimeAnchor("today", start=PUBLISHED, end=PUBLISHED, cue=SCRIPT),
                  knowledge={"name": SCRIPT, "as_of": ATTR}, warnings=[SCRIPT, ATTR],
                  version=ATTR)


def empty_report() -> Report:
    return Report(article=Article(text="Nothing to check here."), claims=[],
                  anchor=TimeAnchor("today", date(2024, 1, 1)))
