"""The preview's fast rebuild: under `mkdocs serve --dirty` (`make serve`) a rebuild rewrites only
the pages whose content changed, so an edit to an update, a status or a date shows within a
second; an edit that changes what every page shows (the menu, a title, the board's name, the
glossary's terms) rebuilds everything.

How, with the engines' public interfaces only (MkDocs' and ProperDocs' plugin events, `File`'s
public attributes, the documented `template` key of a page's front matter):

- every page is read and built, as in a full build: a page of docs/ is held in memory
  (`File.content_string`), which the engine's dirty build counts as modified, so none is skipped
  for being older than its output;
- once every page was read (`on_env`), each is hashed with the "frame" around every page (see
  `_frame`); a page whose hash and frame are the previous rebuild's gets an empty template, and
  the engine writes no file for an empty output. Every page still goes through every page event,
  so the search index is whole, as a full build's;
- the site folder is emptied before a rebuild (`on_pre_build`, where a full build empties it)
  only when its content is not known: the serve's first rebuild, or the one after a failed or
  broken-data rebuild; after a rebuild, the files the previous rebuild wrote that this one did
  not (a page or a published file taken out) are removed.

A stale page is worse than a slow one: anything not known to be unchanged is rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from numbers import Real
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, Environment
from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.commands import build as engine_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from plansite.engine.theme import THEME

# MkDocs warns that a dirty build may leave the menu wrong: this one cannot (see above), and
# with `strict: true` the warning would stop every rebuild.
_DIRTY_WARNING = "A 'dirty' build is being performed"
# ... and notes each page left as written (its output empty): dozens of lines at every rebuild
_SKIPPED_NOTE = "Page skipped: '{}'. Generated empty output."
# the template of a page left as written: empty, so the engine writes nothing
UNCHANGED_TEMPLATE = "plansite-preview/unchanged.html"

# The engine's watcher (watchdog's polling observer) looks for changes every half second, then
# waits a tenth of one for changes to stop. Under `make serve` it looks every tenth of a second
# and waits a twentieth, so an edit's rebuild starts about 0.25 s sooner (each look lists the
# watched folders: milliseconds). An editor saves a file at once; a rebuild started early is redone.
POLL_SECONDS = 0.1
SETTLE_SECONDS = 0.05


@dataclass
class Written:
    """What one rebuild wrote: the next rebuild compares with it."""

    site_dir: str
    frame: str
    hashes: dict[str, str]  # page (src_uri) -> hash of its content
    outputs: frozenset[str]  # files in site/ it wrote or left as written: pages, assets, downloads


@dataclass
class Rebuild:
    """One rebuild's state, from `on_pre_build` to `on_post_build`."""

    hashes: dict[str, str] = field(default_factory=dict)
    outputs: set[str] = field(default_factory=set)
    unchanged: set[str] = field(default_factory=set)  # pages left as the last rebuild wrote them
    notes: set[str] = field(default_factory=set)  # the engine's note for each of them
    decided: bool = False  # every page read and hashed
    full: bool = True
    frame: str = ""


class Preview:
    """Kept on the plugin between rebuilds of one `mkdocs serve --dirty`."""

    def __init__(self) -> None:
        self.last: Written | None = None
        self.now = Rebuild()

    def begin(self, site_dir: str) -> None:
        """Before the rebuild gathers its files (`on_pre_build`, where a full build empties the
        site folder): a folder whose content no rebuild of this preview wrote is emptied."""
        self.now = Rebuild()
        if self.last is None or self.last.site_dir != site_dir:
            self.last = None
            _empty(Path(site_dir))

    def start(self, files: Files) -> None:
        """Every page is read and built: a page of docs/ held in memory is never skipped by the
        engine's dirty build as older than its output (`File.is_modified`)."""
        for file in files.documentation_pages(inclusion=_every):
            if file.abs_src_path is not None:
                # unreadable: left on disk, for the engine's own read of the page to say so
                with contextlib.suppress(OSError, ValueError):
                    file.content_string = file.content_string

    def forget(self) -> None:
        """A rebuild that failed, or showed the data's problems: the next one is full, in an
        emptied folder."""
        self.last = None
        self.now = Rebuild()

    def decide(
        self,
        env: Environment,
        config: MkDocsConfig,
        files: Files,
        nav: Navigation,
        everywhere: object,
    ) -> None:
        """After every page was read (`on_env`): hash each, and the frame; a page the last
        rebuild wrote as it is now gets the empty template; a new frame rebuilds all.
        `everywhere`: what the plugin adds to every page (the glossary terms it explains)."""
        pages = [
            f.page
            for f in files.documentation_pages(inclusion=_every)
            if f.page is not None and f.page.content is not None
        ]
        for page in pages:
            self.now.hashes[page.file.src_uri] = _page_hash(page)
        # what the engine writes (or leaves as written) in a serve; a page excluded (`exclude_docs`)
        # is listed but never written: its old output must go
        served = [f for f in files if f.inclusion.is_in_serve()]  # type: ignore[no-untyped-call]
        self.now.outputs = {f.dest_uri for f in served}
        self.now.frame = frame = _frame(config, files, nav, everywhere)
        last = self.last
        self.now.full = last is None or last.frame != frame
        self.now.decided = True
        if last is None or self.now.full:
            return
        unchanged = DictLoader({UNCHANGED_TEMPLATE: ""})
        env.loader = ChoiceLoader([unchanged, env.loader] if env.loader else [unchanged])
        for page in pages:
            src_uri = page.file.src_uri
            if last.hashes.get(src_uri) == self.now.hashes[src_uri]:
                page.meta["template"] = UNCHANGED_TEMPLATE
                self.now.unchanged.add(src_uri)
                self.now.notes.add(_SKIPPED_NOTE.format(src_uri))

    def whole_frame_same(self) -> bool:
        """The pages around the content (the 404 page) are as the last rebuild wrote them."""
        return self.now.decided and not self.now.full

    def left_as_written(self, message: str) -> bool:
        """The engine's note for a page this rebuild left as written."""
        return message in self.now.notes

    def finish(self, config: MkDocsConfig, published: Iterable[str]) -> None:
        """The rebuild was written (pages, then the published files): what the last rebuild
        wrote and this one did not is taken out; the next rebuild compares with this one."""
        if not self.now.decided:
            self.forget()
            return
        outputs = frozenset(self.now.outputs | set(published))
        if self.last is not None:
            _remove(Path(config.site_dir), self.last.outputs - outputs)
        self.last = Written(config.site_dir, self.now.frame, dict(self.now.hashes), outputs)


def _every(level: InclusionLevel) -> bool:
    """Every page, drafts that only the preview shows included."""
    return True


def _empty(folder: Path) -> None:
    """The folder's content removed, as the engine's full build does (hidden entries stay: the
    engine never writes one)."""
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


def _remove(site_dir: Path, paths: Iterable[str]) -> None:
    """Files taken out of the site, and the folders they leave empty."""
    for path in sorted(paths):
        target = site_dir / path
        target.unlink(missing_ok=True)
        for folder in target.parents:
            if folder == site_dir or not folder.is_relative_to(site_dir):
                break
            try:
                folder.rmdir()
            except OSError:
                break  # not empty (or gone): its parents are not empty either


class QuietPreview(logging.Filter):
    """The engine's dirty-build warning, and its note for each page left as written."""

    def __init__(self, preview: Preview) -> None:
        super().__init__()
        self.preview = preview

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        return not message.startswith(_DIRTY_WARNING) and not self.preview.left_as_written(message)


def build_logger() -> logging.Logger:
    """The logger the engine's build warns of a dirty build on: `mkdocs.commands.build` under
    MkDocs, `properdocs.commands.build` under ProperDocs (which serves `mkdocs.*` imports from
    its own modules), so the name is the build module's, never written here."""
    return logging.getLogger(engine_build.__name__)


def poll_often(server: Any) -> None:
    """The serve's watcher looks every `POLL_SECONDS` and a rebuild waits `SETTLE_SECONDS` for
    changes to stop. `build_delay` is the live-reload server's own attribute; the interval is
    not offered by either engine's `serve` (the server's `polling_interval` is fixed when `serve`
    makes it), so it is watchdog's private `_timeout`, on the observer (watches made later) and
    on each watch made so far. Set only where it is found, as a number, and kept only when
    watchdog's public `timeout` reads it back; otherwise the engine's pace is left: only slower."""
    if hasattr(server, "build_delay"):
        server.build_delay = SETTLE_SECONDS
    observer = getattr(server, "observer", None)
    for watcher in (observer, *getattr(observer, "emitters", ())):
        _set_interval(watcher)


def _set_interval(watcher: object) -> None:
    before = getattr(watcher, "_timeout", None)
    if not isinstance(before, Real) or isinstance(before, bool):
        return
    try:
        watcher._timeout = POLL_SECONDS  # type: ignore[attr-defined]
        if getattr(watcher, "timeout", None) != POLL_SECONDS:
            watcher._timeout = before  # type: ignore[attr-defined]
    except (AttributeError, TypeError):
        return  # read-only there: the engine's pace


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
    site's settings (name, colours, logo: board.yml), the list of files, what the plugin adds to
    every page (its glossary terms, and the build's date: the sitemap's), and the theme's templates."""
    settings = {key: config.get(key) for key in sorted(config.keys()) if key not in _NOT_FRAME}
    theme = dict(config.theme.items())
    return _digest(
        json.dumps(_menu(nav.items), default=str),
        json.dumps(settings, sort_keys=True, default=_plain),
        json.dumps(theme, sort_keys=True, default=_plain),
        json.dumps([(f.src_uri, f.dest_uri, f.inclusion.name) for f in files]),
        repr(everywhere),  # the glossary terms and the build date (the sitemap's)
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
