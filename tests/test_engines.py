"""Both site engines make the same site: ProperDocs (the default, `make build` and `make serve`)
and MkDocs 1.6, whose maintained continuation it is. The example board built with
`properdocs build --strict` and with `mkdocs build --strict` (the suite's two builds of it,
tests/conftest.py) differ only in the generator meta tag, which names the engine.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import GENERATOR


def test_both_engines_build_the_same_site(example_site: Path, example_site_again: Path) -> None:
    properdocs = {f.relative_to(example_site).as_posix(): f for f in example_site.rglob("*")}
    mkdocs = {f.relative_to(example_site_again).as_posix(): f for f in example_site_again.rglob("*")}
    assert sorted(properdocs) == sorted(mkdocs)
    differ = []
    for path, file in properdocs.items():
        if file.is_file():
            first, second = file.read_bytes(), mkdocs[path].read_bytes()
            if GENERATOR.sub(b"", first) != GENERATOR.sub(b"", second):
                differ.append(path)
    assert differ == [], "files that differ between the engines' sites: " + ", ".join(differ)


def generators(site: Path) -> dict[str, list[str]]:
    """Each page's generator meta tags' content (a page Plansite publishes as it is has none)."""
    return {
        page.relative_to(site).as_posix(): re.findall(
            r'<meta name="generator" content="([^"]*)">', page.read_text(encoding="utf-8")
        )
        for page in site.rglob("*.html")
    }


def test_only_the_generator_tag_names_the_engine(
    example_site: Path, example_site_again: Path
) -> None:
    properdocs, mkdocs = generators(example_site), generators(example_site_again)
    named = sorted(page for page, found in properdocs.items() if found)
    assert len(named) > 80
    assert named == sorted(page for page, found in mkdocs.items() if found)
    assert {tuple(properdocs[page]) for page in named} == {
        ("mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1",)
    }
    assert {tuple(mkdocs[page]) for page in named} == {("mkdocs-1.6.1, mkdocs-material-9.8.1",)}
