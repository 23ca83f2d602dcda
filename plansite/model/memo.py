"""Whole-plan results worked out once per build: a page that needs a plan's quarters, what
needs its attention or its download rows asks for them, and the same answer serves every page
that asks again. Results are shared: callers read them and never change them.

A result is kept on the object it was worked out from, as `functools.cached_property` keeps
its value: it lives exactly as long as that object, the loaded data of one build, and nothing
is kept at module level for a later build to find (or to be cleared by hand).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def per_object(function: Callable[[T], R]) -> Callable[[T], R]:
    """Remember `function(thing)` on `thing` itself (pydantic models cannot be hashed, so they
    cannot be the keys of a cache). `thing` must have a `__dict__`, as models and dataclasses do."""
    key = f"_memo_{function.__module__}.{function.__qualname__}"

    @functools.wraps(function)
    def remembered(thing: T) -> R:
        kept = vars(thing)  # the instance's own dictionary: no pydantic __setattr__ checks
        if key not in kept:
            kept[key] = function(thing)
        result: R = kept[key]
        return result

    return remembered
