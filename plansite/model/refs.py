"""Qualified refs: many plans number actions within each priority or issue (a, b, c starting
again), so a ref is only unique once it carries its priority's (or issue's) ref: "2c".

Pure functions on text; plansite/model/plan.py applies them when a plan is built.
"""

from __future__ import annotations

import re

from plansite.model.slugs import slug

# A short letter ref ("c", "aa") or a bracketed one ("(ii)") follows a number without a dot.
JOINS_BARE = re.compile(r"[A-Za-z]{1,2}|\([A-Za-z0-9]+\)")


def qualify(parent: str, ref: str) -> str:
    """`ref` as written under `parent`, in the plan's own style.

    "1.1a" under "1" is kept: it already starts with its priority's ref. Otherwise the two are
    joined: "2" and "c" make "2c", "2" and "1" make "2.1", "R3" and "LMG 1" make "R3.LMG 1".
    """
    if not parent:
        return ref
    if _starts_with(ref, parent):
        return ref
    glue = "" if parent[-1].isdigit() and JOINS_BARE.fullmatch(ref) else "."
    return f"{parent}{glue}{ref}"


def _starts_with(ref: str, parent: str) -> bool:
    """ "1.1a" starts with "1", but "10a" does not: a number must end where the parent ends."""
    if not ref.lower().startswith(parent.lower()):
        return False
    rest = ref[len(parent) :]
    return not (rest[:1].isdigit() and parent[-1].isdigit())


def anchor(ref: str) -> str:
    """The id of an action's section: "1.1a" -> "action-1-1a"."""
    return "action-" + slug(ref)
