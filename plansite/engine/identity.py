"""The board's identity in the site: mkdocs.yml holds nothing board-specific, so the name, web
address, colour and logo come from board.yml when the build starts, and the brand stylesheet,
the logo and the CNAME file are added to the site."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from plansite.model.board import Board
from plansite.model.board_data import BoardData
from plansite.model.sections import sections_on
from plansite.render.brand import BRAND_CSS, brand_css
from plansite.render.text import plain
from plansite.words.wording import t


def set_identity(config: MkDocsConfig, site: BoardData, *, serving: bool) -> None:
    """mkdocs.yml holds nothing board-specific: name, address, colour and logo are board.yml's."""
    board = site.board
    # The theme prints these without escaping: escaped text, marked safe so that its own `| e`
    # does not escape it twice.
    name = Markup(escape(plain(board.name)))
    config.site_name = name
    config.copyright = name
    config.site_description = t("theme.site_description", name=name)
    if board.site_url and not serving:  # `mkdocs serve` points site_url at the preview
        config.site_url = board.site_url
    if board.colour and BRAND_CSS not in config.extra_css:
        config.extra_css.append(BRAND_CSS)
    if board.logo:
        config.theme["logo"] = logo_path(board.logo)
    # the header's link to the young people's guide shows only when the site has the guide
    config.extra["plansite_parts"] = sorted(sections_on(site))


def logo_path(logo: str) -> str:
    return f"assets/board/{Path(logo).name}"


def identity_files(config: MkDocsConfig, site: BoardData, folder: Path) -> list[File]:
    """The brand stylesheet and the logo, when board.yml has them."""
    board = site.board
    made = []
    if board.colour:
        made.append(File.generated(config, BRAND_CSS, content=brand_css(board.colour)))
    if board.logo:
        logo = (folder / board.logo).read_bytes()
        made.append(File.generated(config, logo_path(board.logo), content=logo))
    return made


def write_cname(board: Board, site_dir: Path) -> None:
    """gh-deploy replaces the whole published branch: the domain survives only as site/CNAME.
    A GitHub Pages address (`<owner>.github.io`) is no custom domain: GitHub refuses it as one,
    so no CNAME is written for it."""
    host = urlsplit(board.site_url).hostname
    if host and not is_github_pages(host):
        (site_dir / "CNAME").write_text(host + "\n", encoding="utf-8")


def is_github_pages(host: str) -> bool:
    return host == "github.io" or host.endswith(".github.io")
