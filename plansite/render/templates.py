"""The Jinja environment for HTML fragments in plansite/fragments/: each build makes its own
(plansite/engine/build.py), with its cache folder's compiled templates, and uses it in its own
context; outside a build, one with no kept templates."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup

from plansite.model import colours
from plansite.render.phones import phone_parts
from plansite.render.text import rich, rich_inline
from plansite.words.wording import long_date, month_name, month_short, month_year, t, words

FRAGMENTS = Path(__file__).resolve().parents[1] / "fragments"
BLANK_LINES = re.compile(r"\n\s*\n")


def compiled_templates(folder: Path | None) -> BytecodeCache | None:
    """Templates compiled by an earlier build, kept in the cache folder: compiling every
    fragment and theme template took most of a second of each build. Jinja compiles a template
    again when its source changed (the kept code is checked against the source)."""
    if folder is None:
        return None
    (folder / "templates").mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder / "templates"))


def new_environment(cache: Path | None, fragments: Path = FRAGMENTS) -> Environment:
    """The fragments' environment for a build whose cache folder is `cache`."""
    env = Environment(
        loader=FileSystemLoader(fragments),
        bytecode_cache=compiled_templates(cache),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["rich"] = lambda text: Markup(rich(text or ""))
    env.filters["rich_inline"] = lambda text: Markup(rich_inline(text or ""))
    env.filters["long_date"] = long_date  # "31 March 2026"
    env.filters["month"] = month_year  # "June 2026", in the build's language
    env.filters["month_name"] = month_name  # "June"
    env.filters["month_short"] = month_short  # "Jun"
    env.filters["text_colour"] = colours.text_on
    env.globals["phone_parts"] = phone_parts  # a phone field in parts (shared/phone.html)
    env.globals["t"] = t  # every interface word, by key, from the words file (wording.py)
    env.globals["words"] = lambda key: str(words(*key.split(".")))  # as text, escaped like data
    return env


# the running build's environment, set only inside its own context (plansite/engine/build.py)
_building: ContextVar[Environment] = ContextVar("plansite_fragments")


def use_environment(env: Environment) -> None:
    """`env` renders the fragments in the context this runs in (a SiteBuild's own)."""
    _building.set(env)


def environment() -> Environment:
    """The running build's environment; outside a build, one that keeps nothing on disk."""
    found = _building.get(None)
    return found if found is not None else _outside_a_build(FRAGMENTS)


@functools.lru_cache(maxsize=4)
def _outside_a_build(fragments: Path) -> Environment:
    return new_environment(None, fragments)


def render(template: str, **context: Any) -> str:
    """A fragment as HTML with no blank lines, so Markdown keeps it as one HTML block."""
    html = _joined(environment().get_template(template).generate(**context))
    html = BLANK_LINES.sub("\n", html).strip()
    html += "\n"  # the only reference: extended in place, not copied
    return html


CHUNK = 4096  # pieces of a template's output joined at a time


def _joined(pieces: Iterator[str]) -> str:
    """The pieces as one string, as `Template.render` joins them, a few thousand at a time: a
    large plan's page is a million small strings, which held at once took three times the
    page's size (issue 26)."""
    chunks: list[str] = []
    chunk: list[str] = []
    for piece in pieces:
        chunk.append(piece)
        if len(chunk) == CHUNK:
            chunks.append("".join(chunk))
            chunk.clear()
    chunks.append("".join(chunk))
    return chunks[0] if len(chunks) == 1 else "".join(chunks)
