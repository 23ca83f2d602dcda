"""The static baseline: the same site as static Markdown, built by MkDocs with no macros.

One extra (untimed) build of Plansite runs in this process with a small plugin added after the
macros plugin: it records each narrative page's Markdown once its macros are expanded, each
generated page's final HTML (which Plansite keeps out of Python-Markdown; the baseline gives it
to Markdown as raw HTML, as a hand-made static site would), the navigation the data added, the
board's identity Plansite sets from board.yml (name, address, brand stylesheet, logo) and every
file Plansite publishes (open data, calendars, PDFs, Word documents, the brand stylesheet, the
logo, CNAME). From those, `write_baseline` makes a docs folder and an mkdocs.yml that MkDocs
alone turns into the same site, except what Plansite adds on purpose to its generated pages: "On
this page", and search entries made from the data (docs/maintainers/performance.md).
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from plansite.documents.sizes import carries_sizes, fill
from plansite.engine.theme import THEME
from plansite.read.site_config import site_config

ROOT = Path(__file__).resolve().parents[2]
DATA_PLUGINS = {"macros", "plansite"}  # the data machinery the baseline leaves out


@dataclass
class Expanded:
    """What one Plansite build produced, as static input for MkDocs."""

    pages: dict[str, str] = field(default_factory=dict)  # docs path -> Markdown, macros expanded
    nav: Any = None
    published: dict[str, bytes] = field(default_factory=dict)  # site path -> bytes
    settings: dict[str, Any] = field(default_factory=dict)  # mkdocs.yml keys set from board.yml
    abbreviations: dict[str, str] = field(default_factory=dict)  # the board's glossary
    terms: dict[str, str] = field(default_factory=dict)  # its phrases, linked where they appear


class _Recorder(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Added after the macros plugin, so each page's Markdown reaches it already expanded."""

    def __init__(self, expanded: Expanded) -> None:
        super().__init__()
        self.expanded = expanded

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Any
    ) -> str:
        meta = dict(page.meta)
        # a generated page: its HTML, as the plugin holds it until `on_page_content`
        rendered = getattr(config.plugins.get("plansite"), "rendered", {})
        path = page.file.src_uri
        if path in rendered:
            markdown = rendered[path].html
            if rendered[path].entries is not None:  # the baseline's search indexes its HTML
                meta.pop("search", None)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        header = f"---\n{front}---\n\n" if meta else ""
        self.expanded.pages[path] = header + markdown
        return page.markdown or ""

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """The files Plansite adds besides pages: brand stylesheet and logo; the glossary's
        terms, while the build holds its data (it lets go of it once its pages are written)."""
        build = getattr(config.plugins.get("plansite"), "build", None)  # plansite/engine/build.py
        if build is not None:
            self.expanded.abbreviations = dict(build.site.abbreviations)
            self.expanded.terms = dict(build.site.glossary_terms)
        for file in files:
            if file.generated_by and not file.is_documentation_page():
                self.expanded.published[file.dest_uri] = file.content_bytes
        return files

    @event_priority(-100)  # after the plansite plugin moved its published files into site/
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.expanded.nav = config.nav
        self.expanded.settings = {
            "site_name": str(config.site_name),
            "copyright": str(config.copyright or ""),
            "site_description": str(config.site_description or ""),
            "site_url": config.site_url or "",
            "extra_css": list(config.extra_css),
            "extra": dict(config.extra),
            "logo": config.theme.get("logo"),
        }
        build = getattr(config.plugins.get("plansite"), "build", None)  # plansite/engine/build.py
        if build is not None:
            for path in build.published_paths:  # moved into site/ by now
                published = Path(config.site_dir) / path
                self.expanded.published[path] = published.read_bytes()
        # a page that shows a published file's size was rendered with a placeholder, filled
        # in once the file was made (plansite/documents/sizes.py): the baseline's too
        made = {path: len(content) for path, content in self.expanded.published.items()}
        for path, markdown in self.expanded.pages.items():
            if carries_sizes(markdown):
                self.expanded.pages[path] = fill(markdown, made, path)
        cname = Path(config.site_dir) / "CNAME"
        if cname.exists():
            self.expanded.published["CNAME"] = cname.read_bytes()


def expand(data: Path, site_dir: Path) -> Expanded:
    """Build Plansite once for `data` and return its pages with their macros expanded."""
    expanded = Expanded()
    saved = dict(os.environ)
    os.environ["PLANSITE_DATA"] = str(data)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    # charts drawn in the pages as they are rendered, not by workers beside the build (whose
    # placeholders are filled in only in the written site)
    os.environ["PLANSITE_WORKERS"] = "1"
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=False)
        config.plugins["bench-recorder"] = _Recorder(expanded)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    finally:
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(saved)
    return expanded


def write_baseline(expanded: Expanded, folder: Path) -> Path:
    """A docs folder of static pages and the mkdocs.yml that builds it; returns the config."""
    docs = folder / "docs"
    shutil.rmtree(docs, ignore_errors=True)  # a --work folder used before
    # stylesheets, scripts and images as they are; the pages as Plansite's build read them
    shutil.copytree(
        ROOT / "plansite" / "starter_site" / "docs", docs, ignore=shutil.ignore_patterns("*.md")
    )
    for path, markdown in expanded.pages.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    for path, content in expanded.published.items():
        target = docs / path  # copied as static files: the same bytes end up in the site
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    config = _static_config(expanded, docs)
    # The theme's words (`t` in plansite/theme/), the glossary's <abbr> marks and its phrases' links,
    # as a hand-made site's hook would add them
    terms = folder / "glossary.json"
    glossary = {"abbreviations": expanded.abbreviations, "terms": expanded.terms}
    terms.write_text(json.dumps(glossary), encoding="utf-8")
    hook = folder / "baseline_hook.py"
    hook.write_text(BASELINE_HOOK.format(root=str(ROOT), terms=str(terms)), encoding="utf-8")
    config["hooks"] = [str(hook)]
    config_file = folder / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return config_file


BASELINE_HOOK = """import json, sys
sys.path.insert(0, {root!r})
from plansite.words import wording
from plansite.render.abbreviations import expand_in_article
from plansite.render.glossary_in_place import link_phrases_in_article
GLOSSARY = json.load(open({terms!r}, encoding="utf-8"))
def on_env(env, config, files):
    env.globals["t"] = wording.t
    return env
def on_post_page(output, page, config):
    output = link_phrases_in_article(output, GLOSSARY["terms"], page.file.src_uri)
    return expand_in_article(output, GLOSSARY["abbreviations"])
"""


def _static_config(expanded: Expanded, docs: Path) -> dict[str, Any]:
    """The project's mkdocs.yml, minus the data plugins, pointing at the static docs, with what
    Plansite's build set from board.yml written in."""
    config: dict[str, Any] = site_config(ROOT / "mkdocs.yml")
    config["docs_dir"] = str(docs)
    settings = dict(expanded.settings)
    theme = config.get("theme", {})
    if isinstance(theme, dict):  # without the plansite plugin, its theme is named here
        theme["custom_dir"] = str(THEME)
    if isinstance(theme, dict) and settings.get("logo"):
        theme["logo"] = settings["logo"]
    settings.pop("logo", None)
    config.update({k: v for k, v in settings.items() if v not in ("", None)})
    config["plugins"] = [
        p for p in config.get("plugins", []) if _plugin_name(p) not in DATA_PLUGINS
    ]
    config["nav"] = expanded.nav
    return config


def _plugin_name(entry: Any) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)
