"""Gate 5, links: every internal link and #anchor on every built page leads somewhere.

MkDocs checks links written in Markdown (`--strict` with the `validation:` settings in
mkdocs.yml), but not links inside HTML fragments, which most pages are made of: this gate
crawls the built HTML instead.
"""

from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT
from tests.gates.conftest import html_pages, target_file

LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}


@functools.cache
def parsed(file: Path) -> BeautifulSoup:
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


@functools.cache
def anchors(file: Path) -> frozenset[str]:
    soup = parsed(file)
    return frozenset(
        [str(tag["id"]) for tag in soup.find_all(id=True)]
        + [str(tag["name"]) for tag in soup.find_all("a", attrs={"name": True})]
    )


def internal_links(file: Path) -> list[str]:
    links = []
    for tag, attribute in LINK_ATTRIBUTES.items():
        for element in parsed(file).find_all(tag, attrs={attribute: True}):
            value = str(element[attribute])
            if not urlsplit(value).scheme and not value.startswith("//"):
                links.append(value)
    return links


def broken_links(site: Path, file: Path) -> list[str]:
    broken = []
    for link in internal_links(file):
        fragment = unquote(urlsplit(link).fragment)
        target = target_file(site, file, link) if urlsplit(link).path else file
        if target is None:
            broken.append(f"{link} (no such page or file)")
        elif fragment and target.suffix == ".html" and fragment not in anchors(target):
            broken.append(f"{link} (no #{fragment} on {target.relative_to(site)})")
    return broken


def test_every_internal_link_and_anchor_resolves(gated_site: Path) -> None:
    pages = html_pages(gated_site)
    checked = sum(len(internal_links(file)) for file in pages)
    assert checked > len(pages)  # every page links at least to its stylesheet and home
    failures = [
        f"{file.relative_to(gated_site)}: {problem}"
        for file in pages
        for problem in broken_links(gated_site, file)
    ]
    assert not failures, f"{len(failures)} broken links:\n" + "\n".join(failures)


def test_the_crawler_finds_broken_links(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/#here">ok</a><a href="a/#gone">x</a><a href="b/">x</a>'
        '<a href="#top">x</a><a href="https://example.org/">external</a>',
        encoding="utf-8",
    )
    assert broken_links(tmp_path, tmp_path / "index.html") == [
        "a/#gone (no #gone on a/index.html)",
        "b/ (no such page or file)",
        "#top (no #top on index.html)",
    ]


class _MkDocsLoader(yaml.SafeLoader):
    """mkdocs.yml may use MkDocs' own tags (`!ENV`, `!relative`): read them as plain values."""


_MkDocsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def test_strict_build_validates_markdown_links_and_anchors() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_MkDocsLoader)
    assert config["strict"] is True
    validation = config["validation"]
    for check in ("unrecognized_links", "anchors", "omitted_files", "absolute_links"):
        assert validation[check] == "warn", (
            f"validation.{check} must be warn (fails a strict build)"
        )
