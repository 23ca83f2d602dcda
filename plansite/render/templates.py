"""The Jinja environment for HTML fragments in plansite/fragments/, compiled once per build."""

from __future__ import annotations

import functools
import re
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
from plansite.render.chart_store import cache_folder
from plansite.render.phones import phone_parts
from plansite.render.text import rich, rich_inline
from plansite.words.wording import long_date, month_name, month_short, month_year, t, words

FRAGMENTS = Path(__file__).resolve().parents[1] / "fragments"
BLANK_LINES = re.compile(r"\n\s*\n")


def compiled_templates() -> BytecodeCache | None:
    """Templates compiled by an earlier build, kept in the build's cache folder: compiling every
    fragment and theme template took most of a second of each build. Jinja compiles a template
    again when its source changed (the kept code is checked against the source)."""
    folder = cache_folder()
    if folder is None:
        return None
    (folder / "templates").mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder / "templates"))


@functools.lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(FRAGMENTS),
        bytecode_cache=compiled_templates(),
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


def render(template: str, **context: Any) -> str:
    """A fragment as HTML with no blank lines, so Markdown keeps it as one HTML block."""
    html = environment().get_template(template).render(**context)
    return BLANK_LINES.sub("\n", html).strip() + "\n"
