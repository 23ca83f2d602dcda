"""The preview's fast rebuild: under `mkdocs serve --dirty` (`make serve`) a rebuild rewrites only
the pages whose content changed, so an edit to an update, a status or a date shows within a
second; an edit that changes what every page shows (the menu, a title, the board's name, the
glossary's terms) rebuilds everything.

How: MkDocs' dirty build skips a page when its file's `is_modified()` is false. Every page is
still read (rendered to HTML: its title, headings and links stay known to the menu, the sitemap
and the link checks), and then hashed; a page is written only when its hash differs from the
previous rebuild's, or when the "frame" around every page (see `_frame`) changed. The search index
is put back together in page order from this rebuild's entries and the previous rebuild's for
the pages not written, so it is the same as a full build's.

A stale page is worse than a slow one: anything not known to be unchanged is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.commands import build as engine_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory

from plansite.engine.theme import THEME

Entry = dict[str, str]

# MkDocs warns that a dirty build may leave the menu wrong: this one cannot (see above), and
# with `strict: true` the warning would stop every rebuild.
_DIRTY_WARNING = "A 'dirty' build is being performed"


@dataclass
class Written:
    """What one rebuild wrote: the next rebuild compares with it."""

    site_dir: str
    frame: str
    hashes: dict[str, str]  # page (src_uri) -> hash of its content
    entries: dict[str, list[Entry]]  # page -> its search entries


@dataclass
class Rebuild:
    """One rebuild's state, from `on_files` to `on_post_build`."""

    order: list[str] = field(default_factory=list)  # pages in the order MkDocs builds them
    hashes: dict[str, str] = field(default_factory=dict)
    entries: dict[str, list[Entry]] = field(default_factory=dict)
    decided: bool = False  # every page read and hashed: `modified` may now say no
    full: bool = True
    frame: str = ""
    search_mark: int = 0  # the search index's length after the last page indexed


class Preview:
    """Kept on the plugin between rebuilds of one `mkdocs serve --dirty`."""

    def __init__(self) -> None:
        self.last: Written | None = None
        self.now = Rebuild()

    def start(self, files: Files) -> None:
        """Every page of this rebuild asks `modified` whether MkDocs may skip it."""
        self.now = Rebuild()
        for file in files.documentation_pages(inclusion=_every):
            # an instance attribute shadows the method for this file only
            file.is_modified = _Asks(self, file.src_uri)  # type: ignore[method-assign]

    def forget(self) -> None:
        """A rebuild that failed, or showed the data's problems: the next one is full."""
        self.last = None
        self.now = Rebuild()

    def read(self, src_uri: str) -> None:
        self.now.order.append(src_uri)

    def modified(self, src_uri: str) -> bool:
        if not self.now.decided or self.now.full or self.last is None:
            return True
        now = self.now.hashes.get(src_uri)
        return now is None or now != self.last.hashes.get(src_uri)

    def decide(
        self, config: MkDocsConfig, files: Files, nav: Navigation, everywhere: object
    ) -> None:
        """After every page was read: hash each, and the frame; a new frame rebuilds all.
        `everywhere`: what the plugin adds to every page (the glossary terms it explains)."""
        for file in files.documentation_pages(inclusion=_every):
            if file.page is not None and file.page.content is not None:
                self.now.hashes[file.src_uri] = _page_hash(file.page)
        self.now.frame = frame = _frame(config, files, nav, everywhere)
        last = self.last
        self.now.full = last is None or last.site_dir != config.site_dir or last.frame != frame
        self.now.decided = True
        if self.now.full:
            # a dirty build leaves old files in place: a page taken out must not stay served
            clean_directory(config.site_dir)

    def whole_frame_same(self) -> bool:
        """The pages around the content (the 404 page) are as the last rebuild wrote them."""
        return self.now.decided and not self.now.full

    def indexed(self, src_uri: str, index_entries: list[Entry]) -> None:
        """After the search plugin (and the plugin) added a page's entries to the index."""
        self.now.entries[src_uri] = index_entries[self.now.search_mark :]
        self.now.search_mark = len(index_entries)

    def search_entries(self) -> list[Entry]:
        """The whole index in page order: this rebuild's entries, the last one's for pages
        not written this time (so the same as a full build's)."""
        last = self.last.entries if self.last is not None and not self.now.full else {}
        found: list[Entry] = []
        for src_uri in self.now.order:
            if src_uri in self.now.entries:
                found += self.now.entries[src_uri]
            else:
                found += last.get(src_uri, [])
        return found

    def finish(self, config: MkDocsConfig) -> None:
        """The rebuild was written: the next one compares with it."""
        if not self.now.decided:
            self.forget()
            return
        kept = self.last.entries if self.last is not None and not self.now.full else {}
        entries = {src: self.now.entries.get(src, kept.get(src, [])) for src in self.now.order}
        self.last = Written(config.site_dir, self.now.frame, dict(self.now.hashes), entries)


def _every(level: InclusionLevel) -> bool:
    """Every page, drafts that only the preview shows included."""
    return True


class _Asks:
    """`File.is_modified` for one page: the preview answers."""

    def __init__(self, preview: Preview, src_uri: str) -> None:
        self.preview = preview
        self.src_uri = src_uri

    def __call__(self) -> bool:
        return self.preview.modified(self.src_uri)


class QuietDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(_DIRTY_WARNING)


def build_logger() -> logging.Logger:
    """The logger the engine's build warns of a dirty build on: `mkdocs.commands.build` under
    MkDocs, `properdocs.commands.build` under ProperDocs (which serves `mkdocs.*` imports from
    its own modules), so the name is the build module's, never written here."""
    return logging.getLogger(engine_build.__name__)


def _digest(*parts: str) -> str:
    found = hashlib.sha256()
    for part in parts:
        found.update(part.encode("utf-8", errors="surrogatepass"))
        found.update(b"\0")
    return found.hexdigest()


def _page_hash(page: Page) -> str:
    """A page's own part of its HTML: its front matter (title, template, feed...) and content;
    the rest (menu, header, footer) is the frame, the same on every page."""
    meta = json.dumps(page.meta, sort_keys=True, default=str)
    return _digest(meta, str(page.title), page.content or "")


def _frame(config: MkDocsConfig, files: Files, nav: Navigation, everywhere: object) -> str:
    """Everything a page's HTML holds besides its own content: the menu with every title, the
    site's settings (name, colours, logo: board.yml), the list of files, the plan's date (the
    sitemap's), what the plugin adds to every page, and the theme's templates."""
    settings = {key: config.get(key) for key in sorted(config.keys()) if key not in _NOT_FRAME}
    theme = dict(config.theme.items())
    return _digest(
        json.dumps(_menu(nav.items), default=str),
        json.dumps(settings, sort_keys=True, default=_plain),
        json.dumps(theme, sort_keys=True, default=_plain),
        json.dumps([(f.src_uri, f.dest_uri, f.inclusion.name) for f in files]),
        os.environ.get("SOURCE_DATE_EPOCH", ""),
        repr(everywhere),
        json.dumps([_stamps(config.theme.custom_dir), _stamps(str(THEME))]),
    )


# settings that are objects (their text would change every rebuild) or this module's own concern
_NOT_FRAME = frozenset({"plugins", "theme", "watch", "hooks", "config_file_path", "site_dir"})


def _plain(value: object) -> object:
    """Settings are plain data; anything else is written as its type, never its address."""
    if isinstance(value, Mapping):
        return {str(k): v for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted(str(v) for v in value)
    if isinstance(value, Sequence):
        return list(value)
    if type(value).__str__ is not object.__str__:  # e.g. a script's path, a locale
        return str(value)
    return type(value).__name__


def _menu(items: Iterable[Any]) -> list[Any]:
    found: list[Any] = []
    for item in items:
        if isinstance(item, Section):
            found.append(["section", item.title, _menu(item.children)])
        elif isinstance(item, Page):
            found.append(["page", item.title, item.url])
        elif isinstance(item, Link):
            found.append(["link", item.title, item.url])
    return found


def _stamps(folder: str | None) -> list[tuple[str, int]]:
    """The theme overrides' files and their times: an edited template rebuilds every page."""
    if not folder:
        return []
    root = Path(folder)
    return sorted(
        (str(p.relative_to(root)), p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()
    )


class KeptTemplates(BytecodeCache):
    """The theme's templates compiled once per `mkdocs serve`, not at every rebuild (MkDocs makes
    a new Jinja environment each time). Jinja recompiles a template whose source changed."""

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self.kept.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()
