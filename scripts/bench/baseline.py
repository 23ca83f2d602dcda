"""The static baseline: the same site as static Markdown, built by MkDocs with no macros.

One extra (untimed) build of Plansite runs in this process with a small plugin added after the
macros plugin: it records each page's Markdown once its macros are expanded, the navigation the
data added, and the open-data files Plansite publishes. From those, `write_baseline` makes a
docs folder and an mkdocs.yml that MkDocs alone turns into the same site.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parents[2]
DATA_PLUGINS = {"macros"}  # the data machinery the baseline leaves out


@dataclass
class Expanded:
    """What one Plansite build produced, as static input for MkDocs."""

    pages: dict[str, str] = field(default_factory=dict)  # docs path -> Markdown, macros expanded
    nav: Any = None
    published: dict[str, bytes] = field(default_factory=dict)  # site path -> bytes


class _Recorder(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Added after the macros plugin, so each page's Markdown reaches it already expanded."""

    def __init__(self, expanded: Expanded) -> None:
        super().__init__()
        self.expanded = expanded

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Any
    ) -> str:
        front = yaml.safe_dump(dict(page.meta), allow_unicode=True, sort_keys=False)
        header = f"---\n{front}---\n\n" if page.meta else ""
        self.expanded.pages[page.file.src_uri] = header + markdown
        return markdown

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.expanded.nav = config.nav
        build = getattr(config.plugins.get("plansite"), "build", None)  # macros/build.py
        if build is not None:
            self.expanded.published = dict(build.published_files())


def expand(data: Path, site_dir: Path) -> Expanded:
    """Build Plansite once for `data` and return its pages with their macros expanded."""
    expanded = Expanded()
    saved = dict(os.environ)
    os.environ["PLANSITE_DATA"] = str(data)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
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
    shutil.copytree(ROOT / "docs", docs)  # stylesheets, scripts and images as they are
    for path, markdown in expanded.pages.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    for path, content in expanded.published.items():
        target = docs / path  # copied as static files: the same bytes end up in the site
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    config_file = folder / "mkdocs.yml"
    config_file.write_text(
        yaml.safe_dump(_static_config(expanded.nav, docs), sort_keys=False), encoding="utf-8"
    )
    return config_file


def _static_config(nav: Any, docs: Path) -> dict[str, Any]:
    """The project's mkdocs.yml, minus the macros plugin, pointing at the static docs."""
    config: dict[str, Any] = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(docs)
    theme = config.get("theme", {})
    if isinstance(theme, dict) and "custom_dir" in theme:
        theme["custom_dir"] = str(ROOT / theme["custom_dir"])
    config["plugins"] = [
        p for p in config.get("plugins", []) if _plugin_name(p) not in DATA_PLUGINS
    ]
    config["nav"] = nav
    return config


def _plugin_name(entry: Any) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)
