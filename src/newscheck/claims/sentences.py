"""Sentence splitting with offsets into the article text.

A line break always ends a sentence (a headline or a caption without final punctuation is its own
sentence). Inside a line, ``.``, ``!`` or ``?`` (with any closing quotes or brackets) followed by
space ends a sentence unless the word before is an abbreviation ("Mr.", "Dr.", "Gen."), an initial
("S. Jaishankar") or a dotted acronym ("U.S.", "U.K.") followed by a word that does not start
sentences ("the U.S. Secretary of State" does not end at "U.S.").

A "sentence" longer than ``MAX_SENTENCE_CHARS`` (no real one is; a page without punctuation
is) is cut at the last space before the limit, so that the per-sentence claim patterns stay
linear in the length of the article.
"""

from __future__ import annotations

from typing import NamedTuple

from .. import rx


class Sentence(NamedTuple):
    start: int
    end: int
    text: str


_ABBREVIATIONS = """
mr mrs ms dr prof gen sen rep gov st lt col capt sgt maj adm cmdr jr sr rev hon pres supt
insp det cpl pvt fr sra sr no nos vs etc al approx dept est fig inc ltd corp co bros mt ft
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
"""
ABBREVIATIONS = frozenset(_ABBREVIATIONS.split())
# Words that start a new sentence after a dotted acronym ("... visited the U.S. The trip ...").
_STARTERS = """
the a an he she it they we i in on at but and this that these those there his her their its
however meanwhile after before when while during some many most both officials
"""
SENTENCE_STARTERS = frozenset(_STARTERS.split())
MAX_SENTENCE_CHARS = 1000

_END = rx.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|[.!?]+[\"'”’)\]]*$")
_WORD_BEFORE = rx.compile(r"([\w.]+)[.!?]*[\"'”’)\]]*$")
_NEXT_WORD = rx.compile(r"\s*[\"'“‘(\[]*(\w+)")


def _is_boundary(line: str, dot_start: int, dot_end: int) -> bool:
    nxt = _NEXT_WORD.match(line, dot_end)
    next_word = nxt.group(1) if nxt else ""
    if not next_word:
        return True
    if next_word[0].islower():
        return False          # "the U.S. embassy", "approx. 20", '"Why?" she asked'
    mark = line[dot_start:dot_end]
    if "!" in mark or "?" in mark:
        return True
    m = _WORD_BEFORE.search(line, max(0, dot_start - 40), dot_end)
    word = m.group(1) if m else ""
    bare = word.rstrip(".")
    if bare.lower() in ABBREVIATIONS and "." not in bare:
        return False
    if len(bare) == 1 and bare.isalpha() and bare.isupper():
        return False          # initial: "S. Jaishankar"
    if "." in bare:           # dotted acronym "U.S" (the final dot is the mark)
        return next_word.lower() in SENTENCE_STARTERS
    return True


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with their char offsets (``text[s.start:s.end] == s.text``)."""
    out: list[Sentence] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        base = pos
        pos += len(line)
        body = line.rstrip("\r\n")
        start = 0
        for m in _END.finditer(body):
            if _is_boundary(body, m.start(), m.end()):
                _add(out, body, base, start, m.end())
                start = m.end()
        _add(out, body, base, start, len(body))
    return out


def _add(out: list[Sentence], line: str, base: int, start: int, end: int) -> None:
    while end - start > MAX_SENTENCE_CHARS:
        cut = line.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        _add_one(out, line, base, start, cut)
        start = cut
    _add_one(out, line, base, start, end)


def _add_one(out: list[Sentence], line: str, base: int, start: int, end: int) -> None:
    seg = line[start:end]
    stripped = seg.strip()
    if not stripped:
        return
    lead = len(seg) - len(seg.lstrip())
    s = base + start + lead
    out.append(Sentence(s, s + len(stripped), stripped))
