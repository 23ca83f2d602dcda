"""Text from Word and Excel cleaned the way a person expects: no invisible characters.

Smart quotes and dashes stay as written; spaces a reader cannot see are made ordinary or removed,
and characters the data check would refuse (control characters) are dropped.
"""

from __future__ import annotations

import re

INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad")
)  # zero-width, soft hyphen
SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2002\u2003\u2009\t"), " ")
CONTROL = re.compile(r"[\x00-\x08\x0c\x0e-\x1f\x7f]")
LINE_BREAKS = re.compile(r"\r\n|\r|\v|\u2028|\u2029")  # a soft return in Word is \v


def clean(text: str) -> str:
    """One run's text: line breaks kept as \\n, other invisible characters made plain."""
    if text.isascii() and text.isprintable():  # most text: nothing below would change it
        return text
    text = LINE_BREAKS.sub("\n", text).translate(INVISIBLE).translate(SPACES)
    return CONTROL.sub("", text)


def tidy(text: str) -> str:
    """A whole value: runs of spaces made one, each line trimmed, blank lines at the ends gone."""
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()
