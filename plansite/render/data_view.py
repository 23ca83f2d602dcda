"""Data as narrative pages in docs/ see it: `{{ board.name }}` prints safe text.

Narrative Markdown is rendered after the macros run, so text from data printed into it could
carry live HTML or a Markdown link to `javascript:`. Every string reached through the view
prints as plain text in which HTML and Markdown punctuation are character references; it
still compares, sorts and measures as the original string. `{{ board.vision | rich }}` keeps
allowed formatting (bold, lists, links) through the same sanitiser as the generated pages.
"""

from __future__ import annotations

from collections.abc import Callable, ItemsView, KeysView, Mapping, ValuesView
from typing import Any

from markupsafe import Markup
from pydantic import BaseModel

from plansite.render.text import plain, rich, rich_inline

# Markdown punctuation (and HTML's) that could start markup; entities are never markup
_MARKUP_CHARACTERS = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'`*_{}[]()#+-!|~:\\="})


class DataText(str):
    """A string from data: prints as inert text, behaves as the string otherwise."""

    __slots__ = ()

    def __str__(self) -> str:
        return plain(str.__str__(self)).translate(_MARKUP_CHARACTERS)

    def __html__(self) -> str:  # `| e` and Markup() take it as already safe
        return self.__str__()

    @property
    def rich(self) -> Markup:
        return Markup(rich(str.__str__(self)))

    @property
    def rich_inline(self) -> Markup:
        return Markup(rich_inline(str.__str__(self)))


class DataView:
    """A read-only view of a model whose strings are DataText, all the way down."""

    __slots__ = ("_target",)

    def __init__(self, target: Any) -> None:
        self._target = target

    def __getattr__(self, name: str) -> Any:
        return view(getattr(self._target, name))

    def __getitem__(self, key: Any) -> Any:
        return view(self._target[key])

    def __iter__(self) -> Any:
        return (view(item) for item in self._target)

    def __len__(self) -> int:
        return len(self._target)

    def __bool__(self) -> bool:
        return bool(self._target)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return view(self._target(*args, **kwargs))

    def __str__(self) -> str:
        return str(view(str(self._target)))


class WholeDataView(DataView):
    """The whole board's data (`plansite` in narrative pages), looked up (`data()`) at each
    use, never held: the build lets go of it once its pages are written. Printed whole, it
    prints only its name: mkdocs-macros writes every variable out as text at every build (for
    its debug log, whether logged or not), and the whole data written out was 25 MB at 12,000
    actions, cleaned and coloured in seconds (issue 26)."""

    __slots__ = ("_data",)

    def __init__(self, data: Callable[[], Any]) -> None:
        self._data = data

    @property
    def _target(self) -> Any:  # the view's target, looked up
        return self._data()

    def __str__(self) -> str:
        return "plansite"


def view(value: Any) -> Any:
    """`value` as narrative pages may print it: numbers and dates pass through unchanged."""
    if isinstance(value, DataText):
        return value
    if isinstance(value, str):
        return DataText(value)
    if isinstance(value, tuple | list | set | frozenset | KeysView | ValuesView | ItemsView):
        return [view(item) for item in value]
    if isinstance(value, BaseModel | Mapping) or callable(value):
        return DataView(value)
    return value


def rich_filter(value: Any) -> Markup:
    """The `rich` filter: Markdown from data with allowed formatting, sanitised."""
    return Markup(rich(str.__str__(value) if isinstance(value, str) else str(value)))
