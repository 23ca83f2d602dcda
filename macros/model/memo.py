"""Whole-plan results worked out once per build: a page that needs a plan's quarters, what
needs its attention or its download rows asks for them, and the same answer serves every page
that asks again. Results are shared: callers read them and never change them."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

KEEP = 64  # plans (or sites) remembered at once by one function; the newest are kept
_every_memo: list[list[tuple[object, object]]] = []


def per_object(function: Callable[[T], R]) -> Callable[[T], R]:
    """Remember `function(thing)` by the identity of `thing` (pydantic models cannot be hashed).
    Keeping `thing` itself alive means its identity cannot pass to a new object; `forget_all`
    at the start of every build lets the last build's objects go."""
    kept: list[tuple[T, R]] = []
    _every_memo.append(kept)  # type: ignore[arg-type]

    @functools.wraps(function)
    def remembered(thing: T) -> R:
        for seen, result in kept:
            if seen is thing:
                return result
        result = function(thing)
        kept[:] = [*kept[-(KEEP - 1) :], (thing, result)]
        return result

    return remembered


def forget_all() -> None:
    """A new build: drop what the last one worked out (`mkdocs serve` builds again and again)."""
    for kept in _every_memo:
        kept.clear()
