"""Plansite's theme overrides (plansite/theme/: the page frames, partials and the /admin/ page's
scripts) are package data. The plugin puts the folder in front of Material's templates in
`on_config`, as Material's and MkDocs' own plugins add theme folders, so a board's mkdocs.yml
needs no `custom_dir`; a board's own `custom_dir`, when it has one, still comes first."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

THEME = Path(__file__).resolve().parents[1] / "theme"


def add_theme(config: MkDocsConfig) -> None:
    dirs = config.theme.dirs
    if str(THEME) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
