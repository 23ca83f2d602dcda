"""The interface's words, by key, from one file per language (plansite/words/<lang>.yml):
month names, comparison words, units. Models return facts (`"better"`, `"up"`); the words
readers see are looked up here, so a site in another language needs another file, not new
code.

The language is the build's `theme: language:` (set by the plugin when the build starts);
outside a build it is English. PLANSITE_WORDS=<file.yml> reads the words from that file instead
(a translator's draft, or the tests' dummy language).

Fragments look words up with `t("key.path", name=value)`: {name} placeholders are filled with
escaped values, and a word with plural forms is chosen by `count=` with the language's CLDR
rules (Babel): English has `one:` and `other:`, Welsh `zero:`, `one:`, `two:`, `few:`, `many:`
and `other:`; a form the file does not give falls back to `other:`. Month names and dates are
CLDR's too ("June 2026", "31 March 2026"), in the language of the words file (never the
machine's locale); a language CLDR does not know (a test's dummy language) takes English's.
"""

from __future__ import annotations

import functools
import os
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from markupsafe import Markup

from plansite.model import status_presets
from plansite.model.dates import Due
from plansite.read.files import stamp

WORDS = Path(__file__).parent
WORDS_ENV = "PLANSITE_WORDS"
ENGLISH = "en"
_language = [ENGLISH]  # a setting of the running build, not data
# The words file in use and its time and size, looked at once a build (each build sets its
# language) rather than on each of the hundreds of thousands of look-ups of a large plan's pages.
_file_in_use: dict[str, tuple[Path, tuple[int, int]]] = {}


def use_language(language: str) -> None:
    """The build's language: its words file must exist (ValueError names the fix)."""
    if not (WORDS / f"{language}.yml").is_file():
        raise ValueError(
            f"mkdocs.yml: theme: language is `{language}`, but Plansite has no words for it; "
            f"add {WORDS.name}/{language}.yml beside {WORDS / 'en.yml'} with the same keys, "
            "or set language: en"
        )
    _language[0] = language
    _file_in_use.clear()  # a file edited since the last build (`make serve`) is read again


def language() -> str:
    """The language in use, as `theme: language:` names it (a words file's name): what pages
    and PDFs declare as their `lang`."""
    override = os.environ.get(WORDS_ENV)
    return Path(override).stem if override else _language[0]


def words_of(folder: Path, language: str) -> dict[str, Any]:
    """A language's words file, read again only when it was edited (its time and size)."""
    path = folder / f"{language}.yml"
    return _words_file(path, stamp(path))


@functools.lru_cache(maxsize=16)
def _words_file(path: Path, edited: tuple[int, int]) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    return loaded


def word(*keys: str, **values: str) -> str:
    """The words at `keys`, e.g. word("comparison", "better"); `values` fill {placeholders}."""
    found = str(words(*_unnumbered(keys, values)))
    return found.format(**values) if values else found


def plural(*keys: str, count: int, **values: object) -> str:
    """The words at `keys` in the form for `count` (see `form`); {count} is the count unless
    `values` gives it as written, e.g. count="1,234"."""
    found: Any = words(*keys)
    if isinstance(found, dict):
        found = form(found, count)
    return str(found).format(**{"count": count, **values})


def form(forms: dict[str, Any], count: int | None) -> Any:
    """The plural form for `count` by the language's CLDR rules (`one`, `two`, `few`, ...);
    `other` when the words file does not give that form, or there is no count."""
    if count is None:
        return forms["other"]
    return forms.get(_locale().plural_form(abs(count)), forms["other"])


def _locale() -> Locale:
    """The language in use as Babel knows it; a language Babel does not know (a test's dummy
    language `xx`) takes English's rules and month names."""
    return _cldr(language()) or _cldr_english()


def _cldr_english() -> Locale:
    found = _cldr(ENGLISH)
    assert found is not None
    return found


@functools.lru_cache(maxsize=16)
def _cldr(language: str) -> Locale | None:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def _unnumbered(keys: tuple[str, ...], values: dict[str, Any]) -> tuple[str, ...]:
    """A priority the document gives no number ("Priority {ref}: {title}" with no ref) takes
    the words' `<key>_no_ref` form ("{title}"), so no number is invented and none is left
    dangling."""
    if values.get("ref") == "" and keys:
        return (*keys[:-1], f"{keys[-1]}_no_ref")
    return keys


def words(*keys: str) -> Any:
    """The words under `keys` as written: a list or a mapping."""
    override = os.environ.get(WORDS_ENV)
    name = override or _language[0]
    if (in_use := _file_in_use.get(name)) is None:
        path = Path(override) if override else WORDS / f"{_language[0]}.yml"
        in_use = _file_in_use[name] = (path, stamp(path))
    return _look_up(*in_use, keys)


# Pages ask for the same few hundred words tens of thousands of times: the file (its path, time
# and size: an edit under `make serve` is seen) and the keys decide the answer.
@functools.lru_cache(maxsize=4096)
def _look_up(path: Path, edited: tuple[int, int], keys: tuple[str, ...]) -> Any:
    found: Any = _words_file(path, edited)
    for key in keys:
        found = found[key]
    return found


def t(key: str, count: int | None = None, **values: Any) -> Markup:
    """A fragment's words at the dotted `key`, as HTML written in the words file (so its
    entities stay as written); values are escaped as Jinja escapes them. A word with plural
    forms takes the form for `count` (see `form`), which also fills {count}."""
    found: Any = words(*_unnumbered(tuple(key.split(".")), values))
    if isinstance(found, dict):
        found = form(found, count)
    if count is not None:
        values["count"] = count
    return Markup(str(found)).format(**values) if values else Markup(str(found))


def month_name(day: date) -> str:
    """e.g. "June": CLDR's month name in the language in use, as it stands alone."""
    return _formatted(day, "LLLL", language())


def month_short(day: date) -> str:
    """e.g. "Jun"."""
    return _formatted(day, "LLL", language())


def month_year(day: date) -> str:
    """e.g. "June 2026"."""
    return _formatted(day, "LLLL y", language())


def long_date(day: date) -> str:
    """e.g. "31 March 2026"."""
    return _formatted(day, "d MMMM y", language())


# pages write the same few dozen dates thousands of times
@functools.lru_cache(maxsize=4096)
def _formatted(day: date, pattern: str, language: str) -> str:
    return format_date(day, pattern, locale=_cldr(language) or _cldr_english())


def due_words(due: Due) -> str:
    """A due date as the pages word it: "September 2025" or "31 March 2026" (the plan's own
    wording when it gives no date)."""
    if due.date is None:
        return due.text
    if due.precision == "month":
        return month_year(due.date)
    return long_date(due.date)


def _preset_words() -> dict[str, Any]:
    found: dict[str, Any] = words("status_presets")
    return found


# the status presets' labels and meanings, in the language in use: handed down to the model
# (plansite/model/status_presets.py), which may not import this module
status_presets.WORDS[0] = _preset_words
