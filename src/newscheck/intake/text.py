"""Plain text (usually pasted from a web page) → article body, title, byline and date.

Stages (``extract_text``):

1. leading debris ("Skip to content", "Home", a share bar) is set aside;
2. the first remaining line is the title when a blank line follows it and it reads like a
   headline (at most :data:`MAX_TITLE_WORDS` words, no final full stop);
3. near the top, a byline ("By Jane Doe") gives the author and a date line ("Published 7 May
   2023", "2023-05-07") the publication date; an "Updated …" line is removed but not used;
4. lines of a hard-wrapped paragraph are joined (the previous line does not end a sentence and
   the next begins in lower case);
5. every line goes through the shared debris filter (:mod:`.debris`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .. import rx
from ..errors import NoArticleText
from .debris import classify, is_date_line, sort_lines

MAX_TITLE_WORDS = 25
# A line at least this long that does not end a sentence continues on the next line.
MIN_WRAPPED_CHARS = 40
# A leading block of at least two lines of at most this many words each is a menu.
MENU_WORDS = 3
# Bylines and date lines are only looked for among the first lines after the title.
HEADER_LINES = 6

_WORD = rx.compile(r"\w+")
_BYLINE = rx.compile(
    r"^by\s+(?P<name>[A-ZÀ-Ý][\w.'’-]+(?:\s+(?:[A-ZÀ-Ý][\w.'’-]+|de|van|von|da|del|der|la|le|bin|"
    r"al|and|&|,)){0,8})\s*(?:[,|–—-]\s*(?P<rest>.{0,80}))?$", re.IGNORECASE)
_MONTH_NUMBERS = {m: i for i, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), 1) for m in names}
_MON = r"(?P<mon>[A-Za-z]{3,9})\.?"
_DATE_PATTERNS = (
    rx.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
    rx.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON}\s+(?P<y>(?:19|20)\d\d)\b"),
    rx.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b"),
)
_PUBLISHED_PREFIX = rx.compile(r"^(?:published|posted|first published|date)\b", re.IGNORECASE)
_UPDATED_PREFIX = rx.compile(r"^(?:updated|last updated|modified|last modified)\b",
                             re.IGNORECASE)


@dataclass(slots=True)
class Paste:
    kept: list[str]
    removed: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    published: date | None = None


def parse_date(line: str) -> date | None:
    """An English date in ``line``: ``2023-05-07``, ``7 May 2023``, ``May 7, 2023``."""
    for pattern in _DATE_PATTERNS:
        m = pattern.search(line)
        if not m:
            continue
        groups = m.groupdict()
        month = int(groups["m"]) if groups.get("m") else \
            _MONTH_NUMBERS.get((groups.get("mon") or "").lower(), 0)
        try:
            return date(int(groups["y"]), month, int(groups["d"]))
        except ValueError:
            continue
    return None


def _looks_like_title(line: str) -> bool:
    n = len(_WORD.findall(line))
    return 0 < n <= MAX_TITLE_WORDS and not line.rstrip().endswith((".", ",", ";", ":"))


def _continues(prev: str, line: str) -> bool:
    """Is ``line`` the continuation of a hard-wrapped ``prev``?

    Yes when ``prev`` does not end a sentence and either ``line`` starts in lower case or
    ``prev`` is as long as a wrapped line (a short line without a full stop is a heading).
    """
    if prev.endswith("-") and not prev.endswith(" -"):
        return True
    if prev.endswith((".", "!", "?", ":", ";", '"', "”", "’", ")", "]", "…")):
        return False
    return line[:1].islower() or len(prev) >= MIN_WRAPPED_CHARS


def _is_menu(block: list[str]) -> bool:
    return len(block) >= 2 and all(
        len(_WORD.findall(line)) <= MENU_WORDS and not line.endswith((".", "?", "!"))
        for line in block)


def _blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def extract_text(text: str) -> Paste:
    """Run the text stages on decoded text. Raises :class:`NoArticleText` if nothing is left."""
    paste = Paste(kept=[])
    blocks = _blocks(text)
    # 1. leading debris: furniture lines, then menu blocks ("Home", "News", "Sport")
    while blocks:
        if _is_menu(blocks[0]):
            paste.removed.extend(blocks.pop(0))
        elif (verdict := classify(blocks[0][0])) != "keep":
            line = blocks[0].pop(0)
            (paste.credits if verdict == "credit" else paste.removed).append(line)
            if not blocks[0]:
                blocks.pop(0)
        else:
            break
    # 2. title: alone in its block (a blank line follows) and shaped like a headline
    if len(blocks) > 1 and len(blocks[0]) == 1 and _looks_like_title(blocks[0][0]):
        paste.title = blocks.pop(0)[0]
    # 3. byline and date near the top
    lines = [line for block in blocks for line in block]
    header = lines[:HEADER_LINES]
    drop: set[int] = set()
    for i, line in enumerate(header):
        by = _BYLINE.match(line)
        if by and paste.author is None and len(_WORD.findall(line)) <= 14:
            paste.author = by.group("name").strip(" ,&")
            rest = by.group("rest") or ""
            if paste.published is None and rest and not _UPDATED_PREFIX.match(rest):
                paste.published = parse_date(rest)
            drop.add(i)
        elif is_date_line(line) or (_PUBLISHED_PREFIX.match(line) and parse_date(line)):
            if paste.published is None and not _UPDATED_PREFIX.match(line):
                paste.published = parse_date(line)
            drop.add(i)
    # 4. join hard-wrapped lines, block by block
    paragraphs: list[str] = []
    index = 0
    for block in blocks:
        start = len(paragraphs)
        for line in block:
            if index in drop:
                paste.removed.append(line)
            elif len(paragraphs) > start and _continues(paragraphs[-1], line) \
                    and classify(paragraphs[-1]) == "keep" and classify(line) == "keep":
                joiner = "" if paragraphs[-1].endswith("-") else " "
                paragraphs[-1] = paragraphs[-1] + joiner + line
            else:
                paragraphs.append(line)
            index += 1
    # 5. debris
    sorted_lines = sort_lines(paragraphs, titles=[paste.title])
    paste.kept = sorted_lines.kept
    paste.removed += sorted_lines.removed
    paste.credits += sorted_lines.credits
    if not paste.kept:
        raise NoArticleText("no article text was found: every line of the text looks like page "
                            "furniture (share buttons, links, credits, dates)",
                            "paste the body of the article itself")
    return paste
