"""The one way a name becomes part of a page address, a file name or an anchor.

Every output path is made with `slug`, so that the check for two objects sharing a page
(plansite/check/pages.py) sees exactly the names the pages and files will have: `1` and `1.`,
or `N12a` and `n12a`, make the same slug and are reported instead of one replacing the other.
"""

from __future__ import annotations

import re
import unicodedata


def slug(text: str) -> str:
    """Lower-case ASCII letters and digits, with one hyphen for anything else: `R 3.1a` -> `r-3-1a`.
    Accents are dropped (`é` -> `e`); a name with no letter or digit makes an empty slug."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def unused(name: str, used: set[str]) -> str:
    """`name`, or `name-2`, `name-3`... when it is taken (two refs written alike, or "N16 (2)"
    and "N16-2"); remembered as taken."""
    found, count = name, 1
    while found in used:
        count += 1
        found = f"{name}-{count}"
    used.add(found)
    return found
