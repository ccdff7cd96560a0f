"""Debris: the lines of a web page that are not the article, shared by the HTML and text paths.

A claim checker must not check "Share this article", a cookie banner, the headline of a
"Related articles" teaser or a photo caption. Every line of a body goes through
:func:`classify`, which answers ``keep``, ``debris`` (listed in ``Article.removed``) or ``credit``
(image captions, photo credits, contributor lines; listed in ``Article.credits``).
:func:`sort_lines` adds what one line cannot tell alone: a "Related articles" / "Read more" /
"Don't miss" heading swallows the teaser list below it, and a repeat of the title at the top is
dropped.

The rules are precision-oriented: each pattern names a page furniture phrase or a shape (a lone
timestamp, an e-mail address, a ``[VIDEO]`` teaser tag) that article prose does not take, and
length caps keep long sentences that happen to contain the same words. They were measured on the
article-extraction benchmark (``benchmarks/extraction.py``) line by line: a rule that removed
gold article text was narrowed or dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from .. import rx

Verdict = Literal["keep", "debris", "credit"]

# Lines longer than this are prose, whatever words they contain (most rules apply to short lines).
SHORT = 12
MEDIUM = 25
LONG = 45
# A line this long is first counted in its first this many characters (~65 words of English
# prose): when they already hold enough words to keep it, so does the line.
_LONG_PREFIX = 400
# How many teaser lines a "Related articles" heading may swallow.
MAX_TEASERS = 15
# Capitals-only lines this long are teaser links; shorter ones are often section headings.
SHOUTING_WORDS = 8
# A teaser list in headline capitals is only recognised when it ends this close to the end.
TAIL_LINES = 3
# How many lines at the top may repeat the title.
TITLE_WINDOW = 3

_I = re.IGNORECASE
_WORD = rx.compile(r"\w+")
_BULLET = rx.compile(r"^\s*(?:[-–•*·▪►>]|\d{1,2}[.)])\s+")


def _rx(*alternatives: str) -> re.Pattern[str]:
    return rx.compile("|".join(f"(?:{a})" for a in alternatives), _I)


# --- debris -------------------------------------------------------------------------------------
_SHARE_WORDS = (r"share|shares|sharing|tweet|email|e-mail|mail|print|copy|copy link|link|"
                r"whatsapp|facebook|twitter|x|linkedin|pinterest|reddit|messenger|telegram|"
                r"flipboard|pocket|sms|save|bookmark|comments?|share on \w+|share via \w+")
_SHARE_BAR = rx.compile(rf"^(?:(?:{_SHARE_WORDS})[\s|•·,/:]*)+$", _I)
_SHARE = _rx(r"^(?:click to )?share (?:this|the|our)?\s*(?:article|story|page|post|video|"
             r"gallery|link|on|via|to|with)\b.{0,60}$",
             r"^share this\W*$",
             r"^(?:like|liked|love|enjoy|enjoyed) this (?:story|article|post|page)\b.{0,80}$",
             r"^if you (?:enjoyed|liked|value|appreciate|found) (?:this|our)\b")
_NAV = rx.compile(
    r"^(?:skip to (?:the )?(?:main )?(?:content|navigation|search|footer|article|menu)|"
    r"jump to (?:navigation|content|search|main content)|back to top|go to top|main menu|menu|"
    r"home|homepage|search|sign in|sign out|log in|log out|login|register|my account|"
    r"subscribe|subscribe now|subscribe today|close|open menu|toggle navigation|navigation|"
    r"advertisement|advertising|advert|ad|ads|sponsored|sponsored content|paid content|"
    r"promoted|partner content|loading|scroll to continue(?: with content)?|"
    r"continue reading(?: below| the main story)?|story continues below(?: advertisement)?|"
    r"article continues below(?: advertisement)?|content continues below|"
    r"(?:view|show|hide) (?:comments|caption|gallery)|print this page|previous|next|"
    r"previous article|next article|next story|enlarge this image|toggle caption|"
    r"listen to this article|play video|watch video|view gallery|explore further|text size|"
    r"order reprints|reprints|print article|by|thank you|thanks|sorry|"
    r"thanks for (?:signing up|subscribing|reading)|you're all set|please try again(?: later)?)"
    r"\W*$", _I)
_COOKIE = rx.compile(r"\bcookies?\b", _I)
_COOKIE_CONTEXT = _rx(r"\bwe use\b", r"\b(?:this|our) (?:web)?site\b", r"\baccept", r"\bconsent\b",
                      r"\bby continuing\b", r"\bcookie (?:policy|settings|preferences|notice)\b",
                      r"\bmanage\b", r"\bprivacy (?:policy|settings)\b", r"\bbrowsing\b")
_CONSENT_BUTTON = rx.compile(r"^(?:accept|accept all|accept cookies|reject|reject all|"
                             r"manage (?:preferences|cookies|settings|options)|got it|i agree|"
                             r"agree|allow (?:all )?cookies|ok,? i understand)\W*$", _I)
_NEWSLETTER = _rx(
    r"\b(?:sign up|signup|sign-up|subscribe|subscribing|register)\b.{0,80}"
    r"\b(?:newsletters?|inbox|e-?mails?|updates|briefing|digest)\b",
    r"\b(?:newsletters?|briefing)\b.{0,60}\b(?:sign up|signup|subscribe|inbox|delivered)\b",
    r"\b(?:delivered|straight|direct(?:ly)?|right)\b.{0,20}\b(?:to|in|into) your inbox\b",
    r"\bget (?:the |our )?(?:latest|best|top|day's|morning|evening|weekly|daily)\b.{0,60}"
    r"\b(?:inbox|newsletter)\b")
_NEWSLETTER_WORD = rx.compile(r"\bnewsletters?\b", _I)
_HEADING_WORDS = (
    r"related|related (?:articles?|stories|story|content|coverage|topics|links|posts?|reading|"
    r"news|videos?|items|searches)|latest|latest (?:articles|news|stories|headlines|videos|"
    r"updates)|more on this (?:story|topic)|more (?:from|in|on|about) [\w .&'’-]{1,40}|"
    r"more (?:stories|news|articles|headlines|videos|to explore)|read more|read next|read also|"
    r"also read|see also|see more|you may also like|you might also like|you may be interested "
    r"in|you might be interested in|recommended(?: for you| stories| reading| articles)?|"
    r"most (?:read|popular|viewed|shared|watched)(?: [\w ]{1,30})?|top stories|trending|"
    r"trending (?:now|stories|news)|what to read next|don'?t miss|do not miss|further reading|"
    r"editor'?s picks|popular (?:now|stories)|around the web|from around the web|"
    r"elsewhere on [\w .]{1,30}|in other news|more|also|up next|watch next|"
    r"recommended videos?|sponsored stories|promoted stories|from our partners|"
    r"related posts?|other stories|more headlines|keep reading|popular on [\w .]{1,30}|"
    r"more (?:videos|from the web)|most read in [\w ]{1,30}")
_HEADING = rx.compile(rf"^(?:{_HEADING_WORDS})\s*[:.…|>»–—-]*\s*$", _I)
_PROMO = rx.compile(
    r"^\[?\s*(?:related|related (?:article|story|post|content|coverage|reading|link)|read more|"
    r"read next|read also|also read|see more|see also|more|also|watch|watch now|listen|"
    r"recommended|don'?t miss|must read|trending|click here|related post|more from [\w ]{1,30}|"
    r"latest|read|explore|next)\s*[:|»>–—]\s*\S", _I)
_ALSO_ON = _rx(r"^also on [\w-]+\.\w{2,}\b", r"\bclick here\b",
              r"^originally (?:published|appeared) (?:on|in|at)\b",
              r"^subscribe to\b.{0,60}\b(?:youtube|channel|podcast)\b",
              r"^[\w'’ .&+-]{1,40}:\s*(?:https?://|www\.)\S+(?:\s+and\s+(?:https?://|www\.)\S+)?$",
              r"\bld-writethru\b|^[A-Z]{2}-[A-Z]{2,3}--",
              r"\ban error (?:has )?occurred\b|\berror processing your\b",
              r"\byour inbox\b", r"^(?:post|add|leave|write|view|show|read) (?:a |the )?"
              r"comments?\b")
_TEASER_TAG = rx.compile(r"\[[A-Z][A-Z ]{2,20}\]\s*\|?\s*$")
_AGO = rx.compile(r"^(?:\d+|a|an|one)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d|"
                  r"weeks?|wks?|months?|years?)\s+ago\W*$", _I)
_WHEN_WORD = rx.compile(r"^(?:just now|yesterday|today|updated|published|posted)\W*$", _I)
_READING_TIME = _rx(r"^(?:reading time|read time)\b", r"^\d+\s*(?:-\s*)?(?:min|mins|minutes?)"
                    r"(?:\s+(?:read|reading|de leitura|de lecture|lesezeit|de lectura))?\W*$",
                    r"^(?:tempo de leitura|temps de lecture|lesezeit|tiempo de lectura)\b")
_META_LINE = _rx(r"^(?:\d+\s*)?(?:comments?|comentários?|comentarios?|kommentare|commentaires|"
                 r"replies|reply|leave a (?:comment|reply)|post a comment|add a comment|"
                 r"join the (?:conversation|discussion)|have your say|tell us what you think|"
                 r"tags?|topics?|categories|category|filed under|posted in|tagged(?: with)?|"
                 r"keywords|print|email|share)\W*$",
                 r"^(?:tags?|topics?|categories|filed under|posted in|tagged(?: with)?|keywords|"
                 r"more about|explore more on these topics)\s*:",
                 r"^categorias?\W*$")
_TAGS_ANYWHERE = rx.compile(r"(?:^|[|·•–—-]\s*)(?:tags|categor(?:y|ies|ia|ias))\s*:", _I)
_COPYRIGHT_START = rx.compile(r"^(?:©|ⓒ|\(c\)\s|copyright\b)", _I)
_STAMP_INSIDE = rx.compile(r"(?:^|[|·•–—-]\s*)(?:updated|published|posted|publicado|atualizado|"
                           r"publicado por)\b", _I)
_LETTERS = rx.compile(r"[^\W\d_]")
_FOLLOW = _rx(r"^follow (?:us|me|him|her|them|[\w'’ .@&-]{1,50}?)\b.{0,80}"
              r"(?:twitter|facebook|instagram|youtube|tiktok|linkedin|threads|bluesky|mastodon|"
              r"@\w|https?://|www\.)",
              r"^(?:like|find) us on (?:facebook|twitter|instagram)",
              r"^(?:e-?mail|contact|reach|write to|message)\b.{0,80}\b(?:at|on|via)\b.{0,80}"
              r"(?:\S@\S|https?://|twitter)",
              r"\b(?:can|may) be (?:reached|contacted|emailed) at\b",
              r"^have a (?:news )?tip\b")
_CONTACT = _rx(r"^\S+@\S+\.\w+$", r"^(?:twitter|x|instagram|facebook|linkedin)\.com/\S+$",
               r"^@\w+$", r"^-?\s*[a-z]+(?:-[a-z]+){2,}$")   # no lone URLs: authors cite them
_BOILERPLATE = _rx(r"for your personal,? non-?commercial use only",
                   r"\ball rights reserved\b",
                   r"may not be (?:published|reproduced), broadcast, rewritten or redistributed",
                   r"^(?:©|ⓒ|\(c\)|copyright\b).{0,80}\b(?:ltd|limited|inc|llc|plc|gmbh|media|"
                   r"news|group|press|publishing|\d{4}|ⓒ|©)")

# --- credits ------------------------------------------------------------------------------------
_CREDIT_FIRST = ("image", "images", "photo", "photos", "picture", "video", "media", "img", "pic",
                 "foto", "graphic")
_CREDIT_SECOND = ("source", "caption", "credit", "credits", "copyright", "courtesy")
_CREDIT_ALONE = rx.compile(r"^(?:image|photo|picture|caption|media caption|image caption|"
                           r"image copyright|photo credit|getty images|getty|reuters|afp|"
                           r"ap|ap photo|shutterstock|alamy|epa|pa media|istock)\W*$", _I)
_CREDIT_PREFIX = rx.compile(
    r"^\(?(?:photo|photos|photograph|photographs|picture|pictures|pic|image|images|illustration|"
    r"graphic|video|footage|foto|fotos|bild|lead image|top image|main image|header image|"
    r"featured image|cover image|credit|credits|courtesy|source)"
    r"(?:\s+(?:credit|credits|by|courtesy(?: of)?|source))?\s*[:|/©]\s*\S", _I)
_CREDIT_TAIL = rx.compile(
    r"\((?:[^()]*\b(?:photo|foto)\b[^()]*|\s*(?:photos?|image|picture|credit|source|"
    r"illustration)s?\s*:[^()]*)\)\W*$", _I)
_AGENCY = rx.compile(
    r"\b(?:getty images|getty|shutterstock|alamy|istock(?:photo)?|ap photo|afp via getty images|"
    r"pa media|pa wire|pa images|epa-efe|epa|reuters|afp|associated press|bloomberg via getty "
    r"images|anadolu(?: agency)?|xinhua|sipa(?: usa)?|rex features|rex|wireimage|filmmagic|"
    r"picture alliance|imago|dpa|ansa|ap)\b", _I)
# The first word of each name in _AGENCY (a whole word there, as here).
_AGENCY_FIRST = frozenset({"getty", "shutterstock", "alamy", "istock", "istockphoto", "ap", "afp",
                           "pa", "epa", "reuters", "associated", "bloomberg", "anadolu", "xinhua",
                           "sipa", "rex", "wireimage", "filmmagic", "picture", "imago", "dpa",
                           "ansa"})
_SLASH_AGENCY = rx.compile(r"/\s*(?:reuters|ap|afp|getty|epa|bloomberg|xinhua|anadolu|"
                           r"ap images|pool|file)\b", _I)
_CONTRIBUTORS = _rx(
    r"^\(?\s*(?:additional |with additional |with )?(?:reporting|writing|editing|research|"
    r"fact-checking|translation|graphics) by\b",
    r"^\(?\s*(?:edited|compiled|written|produced|translated) by\b.{0,100}$",
    r"\bcontributed (?:to )?(?:this |the )?(?:report|reporting|story|article)\b",
    r"^\(?(?:source|sources|fonte|quelle)\s*:\s*\S.{0,80}$")


# Gates: words (lower case) one of which a line must contain for the costly unanchored pattern
# above to match it, checked first with ``in`` (a substring test is ~50x cheaper than the search).
# A gate only skips searches that could not match: it never changes a verdict.
_CONTRIBUTORS_GATE = ((), (" by", "contributed", ":"))
_BOILERPLATE_GATE = (("©", "ⓒ", "(c)", "copyright"), ("personal", "all rights reserved",
                                                      "may not be "))
_FOLLOW_GATE = (("follow ", "like us on", "find us on", "e-mail", "email", "contact", "reach",
                 "write to", "message", "have a "),
                ("be reached at", "be contacted at", "be emailed at"))
_NEWSLETTER_GATE = ((), ("sign", "subscrib", "register", "newsletter", "briefing", "inbox"))
_DIGIT = rx.compile(r"\d")


def _gated(gate: tuple[tuple[str, ...], tuple[str, ...]], low: str) -> bool:
    """True when ``low`` starts with one of the gate's prefixes or contains one of its words."""
    starts, inside = gate
    return (bool(starts) and low.startswith(starts)) or any(map(low.__contains__, inside))


def _osa(a: str, b: str) -> int:
    """Optimal-string-alignment distance (Levenshtein plus adjacent transpositions)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


@lru_cache(maxsize=4096)
def _close(word: str, targets: tuple[str, ...]) -> bool:
    """Equal, or one typo away (two for words of six letters or more): "Imgae", "soruce"."""
    if word in targets:
        return True
    limit = 2 if len(word) >= 6 else 1
    return len(word) >= 3 and any(abs(len(word) - len(t)) <= limit and _osa(word, t) <= limit
                                  for t in targets)


def _is_fuzzy_image_credit(words: list[str]) -> bool:
    """"Image source: …", "Image caption …", "Imgae soruce, …", "Photo credit …"."""
    if len(words) < 2:
        return False
    first, second = words[0].lower(), words[1].lower()
    if first[:1] not in "ipvmgf" or second[:1] not in "sc" or len(first) > 9 or len(second) > 11:
        return False                    # a typo rarely hits the first letter: skip the distance
    return _close(first, _CREDIT_FIRST) and _close(second, _CREDIT_SECOND)


def _is_agency_credit(line: str, n_words: int, words: list[str]) -> bool:
    if n_words > MEDIUM:
        return False
    if ("/" in line and _SLASH_AGENCY.search(line)) or (")" in line and _CREDIT_TAIL.search(line)):
        return True
    if "©" in line:
        return True
    if _AGENCY_FIRST.isdisjoint(w.lower() for w in words):
        return False                    # every agency name starts with one of these words
    matches = list(_AGENCY.finditer(line))
    if not matches:
        return False
    m = matches[-1]
    # the agency closes the line ("…, Getty Images", "Photo by X for Reuters") or the line is tiny
    tail = line[m.end():].strip(" .)]|")
    return (not tail and n_words <= SHORT and not line.rstrip().endswith((".", "?", "!"))
            ) or n_words <= 4


# --- dates --------------------------------------------------------------------------------------
_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
           r"janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|"
           r"dezembro|enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|"
           r"diciembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
           r"novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember")
_WEEKDAYS = (r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|"
             r"sat(?:urday)?|sun(?:day)?|segunda-feira|terça-feira|quarta-feira|quinta-feira|"
             r"sexta-feira|sábado|domingo")
_DATE_TOKEN = rx.compile(
    rf"\b(?:{_MONTHS}|{_WEEKDAYS})\b\.?|\b\d{{1,4}}(?:st|nd|rd|th)?\b|"
    r"\b\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?\b|\b[ap]\.?m\.?\b|\b(?:gmt|bst|utc|est|edt|cst|cdt|"
    r"mst|mdt|pst|pdt|cet|cest|eet|eest|ist|jst|kst|aest|aedt|amt|brt|hkt|sgt|z)\b|"
    r"\b(?:at|on|of|de|às|à|um|le|am|the|et|updated|published|posted|last|first|modified|"
    r"publicado|atualizado|em|el|du|und|and|hours?|ago)\b|[,|/:().·•–—-]", _I)
_HAS_DATE = rx.compile(rf"\b(?:19|20)\d\d\b|\b(?:{_MONTHS})\b\.?\s+\d{{1,2}}\b|"
                       rf"\b\d{{1,2}}\.?\s+(?:de\s+)?(?:{_MONTHS})\b|\b\d{{1,2}}:\d{{2}}\b", _I)
_TRAILING_BYLINE = rx.compile(r"\bby\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*$")


def is_date_line(line: str) -> bool:
    """A line that is only a date and/or time ("November 20, 2019 - 11:28 AMT", "Updated 9:41")."""
    if not _DIGIT.search(line):
        return False                    # every date pattern has a digit
    core = _TRAILING_BYLINE.sub("", line).strip()
    if not core or len(core) > 80 or not _HAS_DATE.search(core) or core.isdigit():
        return False                    # a bare year is a heading (a timeline), not a stamp
    rest = _DATE_TOKEN.sub(" ", core)
    return len(_WORD.findall(rest)) == 0


# --- classification -------------------------------------------------------------------------------
def classify(line: str) -> Verdict:
    """``keep``, ``debris`` or ``credit`` for one line of text, judged on its own."""
    s = line.strip()
    if not s:
        return "debris"
    if len(s) > _LONG_PREFIX:
        # what follows keeps any line of over LONG + 20 words, and one of over LONG words
        # unless it ends in a parenthesised credit or starts like a share line
        head = len(_WORD.findall(s, 0, _LONG_PREFIX))      # the line has at least as many
        if head > LONG + 20 or (head > LONG and ")" not in s and not _SHARE.match(s)):
            return "keep"
    words = _WORD.findall(s)
    n = len(words)
    if n == 0:                                          # only punctuation or symbols
        return "debris"
    if n > LONG + 20:
        return "keep"
    low = s.lower()
    # credits first: "Image source: Getty" is a credit even though it is short
    if n <= LONG and (_is_fuzzy_image_credit(words) or _CREDIT_PREFIX.match(s)):
        return "credit"
    if n <= MEDIUM and _gated(_CONTRIBUTORS_GATE, low) and _CONTRIBUTORS.search(s):
        return "credit"
    if n <= SHORT and _CREDIT_ALONE.match(s):
        return "credit"
    if _COPYRIGHT_START.match(s) and n <= MEDIUM:   # "© 2019 AP. All rights reserved", "© Getty"
        return "credit" if n <= 6 and _AGENCY.search(s) else "debris"
    boilerplate = _gated(_BOILERPLATE_GATE, low) and _BOILERPLATE.search(s) is not None
    if _is_agency_credit(s, n, words):
        return "credit" if not boilerplate else "debris"
    # a caption ending "(Photo: …)", "(credit: …)"
    if n <= LONG + 20 and ")" in s and _CREDIT_TAIL.search(s):
        return "credit"
    if n <= LONG + 20 and _SHARE.match(s):         # "If you enjoyed this article, …"
        return "debris"
    if n > LONG:
        return "keep"
    if SHOUTING_WORDS <= n <= MEDIUM and _is_shouting(s):   # teaser links in capitals
        return "debris"
    if n <= SHORT and (_SHARE_BAR.match(s) or _NAV.match(s) or _CONSENT_BUTTON.match(s)
                       or _HEADING.match(s) or _AGO.match(s) or _WHEN_WORD.match(s)
                       or _META_LINE.search(s) or _CONTACT.match(s) or _READING_TIME.search(s)):
        return "debris"
    follow = _gated(_FOLLOW_GATE, low) and _FOLLOW.search(s) is not None
    if n <= MEDIUM and (_SHARE.match(s) or _PROMO.match(s) or _ALSO_ON.match(s)
                        or _TEASER_TAG.search(s) or follow):
        return "debris"
    if n <= 16 and _DIGIT.search(s) and (is_date_line(s) or (_STAMP_INSIDE.search(s)
                                                             and _HAS_DATE.search(s))):
        return "debris"
    if n <= MEDIUM + 5 and ":" in s and ("tags" in low or "categor" in low) \
            and _TAGS_ANYWHERE.search(s):
        return "debris"
    if "cookie" in low and _COOKIE.search(s) and _COOKIE_CONTEXT.search(s):
        return "debris"
    if (_gated(_NEWSLETTER_GATE, low) and _NEWSLETTER.search(s)) \
            or (n <= 8 and "newsletter" in low and _NEWSLETTER_WORD.search(s)
                and s[-1] not in ".!?"):
        return "debris"
    if boilerplate or follow:
        return "debris"
    return "keep"


def _is_shouting(line: str) -> bool:
    """All capitals (at least 90% of the letters): a teaser link or a banner, not prose."""
    if line.startswith("|") or line.rstrip().endswith("?"):
        return False                    # a table row, or a question heading
    if 9 * _ascii_lowercase(line) > len(line):
        return False                    # upper >= 0.9 * cased needs lower <= upper / 9
    letters = _LETTERS.findall(line)
    if len(letters) < 12:
        return False
    upper = sum(map(str.isupper, letters))
    cased = upper + sum(map(str.islower, letters))     # no letter is both
    return cased > 0 and upper >= 0.9 * cased and cased >= 0.8 * len(letters)


_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))


def _ascii_lowercase(line: str) -> int:
    """How many ASCII lower-case letters ``line`` holds (counted in C)."""
    data = line.encode("utf-8", "surrogatepass")
    return len(data) - len(data.translate(None, _ASCII_LOWER))


def _is_title_case_item(line: str) -> bool:
    """A bullet item in headline capitals: "- The 11 Biggest Unanswered Questions About X"."""
    if not _BULLET.match(line) or line.rstrip().endswith((".", ",", ";")):
        return False
    words = [w for w in _WORD.findall(line) if len(w) >= 4 and not w.isdigit()]
    if len(words) < 3 or len(words) > 16:
        return False
    return sum(1 for w in words if w[0].isupper()) >= 0.75 * len(words)


def _is_teaser(line: str) -> bool:
    """A line of a teaser list: a bullet item, or a short headline without a final full stop."""
    s = line.strip()
    n = len(_WORD.findall(s))
    if _BULLET.match(s):
        return n <= MEDIUM
    return 0 < n <= 20 and not s.endswith((".", ":", ";", ",", "”", '"'))


def _tokens(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def same_as_title(line: str, title: str | None) -> bool:
    """True when ``line`` is the title (or the title without the site name, or vice versa)."""
    if not title:
        return False
    return _same_tokens(_tokens(line), _tokens(title))


def _same_tokens(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    # "Headline | Site": the headline is a prefix of the page title, and long enough to be sure
    return len(shorter) >= 4 and longer[:len(shorter)] == shorter and \
        len(shorter) >= 0.6 * len(longer)


@dataclass(slots=True)
class Sorted:
    """The lines of a body sorted into the article, debris and credits (in order)."""

    kept: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)


def sort_lines(lines: Iterable[str], *, titles: Iterable[str | None] = ()) -> Sorted:
    """Classify each line; a teaser heading swallows the list under it; a title repeat goes.

    ``titles``: the page title and headline(s); a line among the first :data:`TITLE_WINDOW`
    that repeats one of them is removed (the title is in ``Article.title``).
    """
    title_tokens = [_tokens(t) for t in titles if t]
    out = Sorted()
    teasers = 0                 # > 0: inside a teaser list, this many lines may still go
    bullets_only = False        # after a one-line "Read more: …" only bullet items follow it
    for raw in lines:
        s = raw.strip()
        if not s:
            continue
        if len(out.kept) < TITLE_WINDOW and title_tokens and \
                any(_same_tokens(tokens, t) for tokens in (_tokens(s),) for t in title_tokens):
            out.removed.append(s)
            continue
        verdict = classify(s)
        if verdict == "keep" and teasers > 0 and _is_teaser(s) \
                and (not bullets_only or _BULLET.match(s)):
            verdict = "debris"
            teasers -= 1
        elif verdict == "keep":
            teasers = 0
        if verdict == "debris":
            if _HEADING.match(s):               # "Related articles": the list below goes too
                teasers, bullets_only = MAX_TEASERS, False
            elif teasers == 0 and (_PROMO.match(s) or _TEASER_TAG.search(s)):
                teasers, bullets_only = MAX_TEASERS, True   # "Read more: X", then "- Y", "- Z"
            out.removed.append(s)
        elif verdict == "credit":
            out.credits.append(s)
        else:
            out.kept.append(s)
    _drop_title_case_runs(out)
    return out


def _drop_title_case_runs(out: Sorted) -> None:
    """Two or more bullet items in headline capitals at the end of the body: a teaser list.

    Only at the end (within :data:`TAIL_LINES` of it): lists of names or places in the middle of
    an article look the same.
    """
    kept = out.kept
    end = len(kept)
    while end > 0 and end > len(kept) - TAIL_LINES and not _is_title_case_item(kept[end - 1]):
        end -= 1
    start = end
    while start > 0 and _is_title_case_item(kept[start - 1]):
        start -= 1
    if end - start >= 2:
        out.removed.extend(kept[start:end])
        out.kept = kept[:start] + kept[end:]
