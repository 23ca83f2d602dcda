"""The interface's words, by key, from one file per language (plansite/words/<lang>.yml):
month names, comparison words, units. Models return facts (`"better"`, `"up"`); the words
readers see are looked up here, so a site in another language needs another file, not new
code.

The language is the build's `theme: language:`: each SiteBuild (plansite/engine/build.py) owns
its `Words` and sets them in its own context (`speaking`); outside a build it is English.
PLANSITE_WORDS=<file.yml> reads the words from that file instead (a translator's draft, or the
tests' dummy language).

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
from collections.abc import Callable
from contextvars import ContextVar
from datetime import date
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from markupsafe import Markup

from plansite.model import status_presets
from plansite.model.dates import Due
from plansite.read.files import stamp
from plansite.read.yamlfile import package_yaml

WORDS = Path(__file__).parent
WORDS_ENV = "PLANSITE_WORDS"
ENGLISH = "en"


class Words:
    """One language's words file, read again only when it was edited (its time and size: an
    edit under `make serve` is seen at the next rebuild). A build owns its `Words`
    (plansite/engine/build.py); so do its caches."""

    def __init__(self, path: Path, *, watch: bool = False) -> None:
        self.path = path
        # a build's words are read once: each build makes its own `Words`, and a large plan's
        # pages look words up hundreds of thousands of times (a file's time and size each time
        # was a tenth of a 12,000-action build). Words kept between builds look again.
        self.watch = watch
        self.language = path.stem  # as `theme: language:` names it: the pages' `lang`
        self._file: tuple[tuple[int, int], dict[str, Any]] | None = None
        # pages ask for the same few hundred words tens of thousands of times
        self._found: dict[tuple[str, ...], Any] = {}

    @classmethod
    def of(cls, language: str, folder: Path | None = None, *, file: Path | None = None) -> Words:
        """The words of `language` (`theme: language:`) from `folder`, or from `file` when
        given (PLANSITE_WORDS: a translator's draft, the tests' dummy language). Its words file
        must exist (ValueError names the fix)."""
        if file is not None:
            return cls(file)
        folder = folder or WORDS
        if not (folder / f"{language}.yml").is_file():
            raise ValueError(
                f"mkdocs.yml: theme: language is `{language}`, but Plansite has no words for "
                f"it; add {folder.name}/{language}.yml beside {folder / 'en.yml'} with the same "
                "keys, or set language: en"
            )
        return cls(folder / f"{language}.yml")

    def at(self, keys: tuple[str, ...]) -> Any:
        """The words under `keys` as written: text, a list or a mapping."""
        if self._file is None or (self.watch and self._file[0] != stamp(self.path)):
            edited = stamp(self.path)
            self._file = (edited, package_yaml(self.path))
            self._found.clear()
        if keys in self._found:
            return self._found[keys]
        found: Any = self._file[1]
        for key in keys:
            found = found[key]
        self._found[keys] = found
        return found

    def preset_words(self) -> dict[str, Any]:
        """The status presets' labels and meanings (plansite/model/status_presets.py)."""
        found: dict[str, Any] = self.at(("status_presets",))
        return found


# The words of the running build: set only inside a build's own context (SiteBuild runs every
# step through it), so two builds in one process each keep their language.
_words: ContextVar[Words] = ContextVar("plansite_words")


def speaking(words: Words) -> Callable[[], None]:
    """`words` are the words of the context this runs in, and so are the status presets'.
    A SiteBuild calls it inside its own context; a test may call the function returned to
    go back to the words before."""
    said = _words.set(words)
    presets = status_presets.WORDS.set(words.preset_words)

    def undo() -> None:
        status_presets.WORDS.reset(presets)
        _words.reset(said)

    return undo


def current() -> Words:
    """The words of the running build; outside one (`make check`, a test), English or the
    file PLANSITE_WORDS names."""
    found = _words.get(None)
    return found if found is not None else _outside_a_build(os.environ.get(WORDS_ENV, ""))


@functools.lru_cache(maxsize=4)
def _outside_a_build(override: str) -> Words:
    return Words(Path(override) if override else WORDS / f"{ENGLISH}.yml", watch=True)


def language() -> str:
    """The language in use, as `theme: language:` names it (a words file's name): what pages
    and PDFs declare as their `lang`."""
    return current().language


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
    return current().at(keys)


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
