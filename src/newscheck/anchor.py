"""Stage 2, the anchor: the date every claim without its own date is checked at.

1. ``--published`` (``published=``), else the page's own publication date;
2. else the story date *inferred* from the body: the latest explicit full date ("May 7, 2023",
   "7 May 2023", "2023-05-07") in the dateline and opening paragraphs, not after today. A scraped
   rewrite that says "on May 7, 2023" in its first sentence is about that day. The anchor's
   ``basis`` is ``"inferred"``, its ``sentence`` the one the date came from; verdicts resting on it
   get a lower confidence (verify/policy.py) and the report and stderr say so;
3. else today, with a warning (refutations are then withheld: verify/policy.py).

Also here: the warning that the article is newer than the knowledge base.
"""

from __future__ import annotations

from datetime import date

from .model import Article, TimeAnchor

# The opening the story date is read from: the dateline and first paragraphs. Later dates are
# usually the background of the story, not its day.
OPENING_PARAGRAPHS = 3
OPENING_CHARS = 1500


def infer_story_date(text: str, today: date) -> tuple[date, str, str] | None:
    """``(date, the date as written, its sentence)`` of the latest full date in the opening of
    ``text`` that is not after ``today``, or None."""
    from .claims.sentences import split_sentences
    from .claims.timex import full_dates

    paragraphs = text.split("\n\n")[:OPENING_PARAGRAPHS]
    opening = "\n\n".join(paragraphs)[:OPENING_CHARS]
    found = [(d, s, e) for s, e, d in full_dates(opening) if d <= today]
    if not found:
        return None
    day, start, end = max(found, key=lambda f: (f[0], -f[1]))   # latest; first written on ties
    sentence = next((s.text for s in split_sentences(opening) if s.start <= start < s.end),
                    opening[start:end])
    return day, opening[start:end], sentence.strip()


def anchor_for(article: Article, today: date | None = None) -> tuple[TimeAnchor, list[str]]:
    """Stage 2: the date every claim without its own date is anchored to, and the warnings."""
    if article.published is not None:
        return TimeAnchor(basis="published", date=article.published,
                          cue="--published" if article.published_basis == "option"
                          else "the page's publication date"), []
    today = today or date.today()
    inferred = infer_story_date(article.text, today)
    if inferred is not None:
        day, written, sentence = inferred
        warning = (f"No publication date was found or given; claims are anchored to "
                   f"{day.isoformat()}, the latest date in the article's opening (“{sentence}”), "
                   f"and their confidence is lowered. Pass --published YYYY-MM-DD if the article "
                   f"appeared on another day.")
        return TimeAnchor(basis="inferred", date=day, cue=written, sentence=sentence), [warning]
    warning = (f"No publication date was found or given; claims are anchored to today "
               f"({today.isoformat()}). Pass --published YYYY-MM-DD to check them as of the day "
               f"the article appeared.")
    return TimeAnchor(basis="today", date=today, cue="no publication date"), [warning]


def kb_age_warning(anchor: TimeAnchor, as_of: date | None) -> str | None:
    """The warning for an article dated after the knowledge base's as-of date."""
    day = anchor.date or anchor.end
    if as_of is None or day is None or day <= as_of or anchor.basis == "today":
        return None
    return (f"The article is dated {day.isoformat()}, after the knowledge base's data end "
            f"({as_of.isoformat()}): offices that changed hands since then are not known, so "
            f"claims about that time are not refuted. Import a newer knowledge base "
            f"(`newscheck kb import`) to check them.")
