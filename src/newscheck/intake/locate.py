"""Where an article comes from: a ``str`` that names a file, a URL, or the article itself.

``newscheck.check("article.html")`` must read the file, and a string that looks like a file name
must never be checked silently as article text. The rules, applied to a ``str`` source:

* a URL (``http://``, ``https://``) → :func:`read_url` (the one place URL input is handled);
* one line naming an existing file → that file;
* one line that looks like a path (a file name with an extension and no spaces, or a string
  starting with ``/``, ``./``, ``../`` or ``~/``) but names no file → :class:`InputNotFound`;
* anything else is the article's content (HTML or text).

``text=`` and ``html=`` keywords of :func:`newscheck.check` take content without this guess.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import rx
from ..errors import InputNotFound

_URL = rx.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
_FILE_NAME = rx.compile(r"^[^\s<>\"|*?]+\.[A-Za-z][A-Za-z0-9]{0,6}$")
_PATH_START = ("/", "./", "../", "~/", ".\\", "..\\")
MAX_PATH_CHARS = 4096


def is_url(source: str) -> bool:
    return bool(_URL.match(source.strip()))


def read_url(url: str, max_bytes: int) -> bytes:
    """The bytes of the article at ``url``, fetched with the limits of :mod:`.fetch` (a URL is
    an explicit request to go online; anything but http(s) is refused)."""
    from .fetch import fetch

    return fetch(url.strip(), max_bytes=max_bytes).data


def looks_like_path(source: str) -> bool:
    """A one-line string a user most likely meant as a file name."""
    s = source.strip()
    if not s or "\n" in s or len(s) > MAX_PATH_CHARS or "<" in s:
        return False
    return s.startswith(_PATH_START) or bool(_FILE_NAME.match(s))


def path_of(source: str) -> Path | None:
    """The file a one-line ``str`` names, or None when it is content. Raises
    :class:`InputNotFound` for a path-looking string that names no file."""
    s = source.strip()
    if not s or "\n" in s or len(s) > MAX_PATH_CHARS:
        return None
    try:
        path = Path(s).expanduser()
        if path.exists():
            return path
    except (OSError, ValueError, RuntimeError):   # too long for the OS, a NUL byte, no $HOME
        pass
    if looks_like_path(s):
        raise InputNotFound(f"no such file: {s}",
                            "check the path; to check a string as the article itself, pass "
                            "it as text=... or html=...")
    return None


def argument_source(arg: str, max_bytes: int) -> Path | bytes:
    """The CLI's INPUT argument (other than ``-``): a URL's content, else the file it names."""
    return read_url(arg, max_bytes) if is_url(arg) else Path(arg)
