"""Gate 2, valid HTML: the Nu Html Checker finds 0 errors on every page, the theme's included.

The theme's own errors are fixed by patched copies of Material templates in plansite/theme/
(see theme_patches.py); no checker message is filtered.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from scripts.theme_patches import OVERRIDES, PATCHES, patched
from tests.conftest import ROOT
from tests.gates.conftest import INSTALL_HINT, html_pages

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(files: list[Path]) -> list[dict[str, object]]:
    """Every error the checker reports on `files`, in one Java run."""
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.fail(f"the Nu Html Checker needs java and {VNU}; {INSTALL_HINT}")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    # vnu prints its JSON report on stderr and exits 1 when it found errors
    messages: list[dict[str, object]] = json.loads(result.stderr)["messages"]
    return messages


def describe(site: Path, message: dict[str, object]) -> str:
    where = str(message.get("url", "")).removeprefix("file:").removeprefix(str(site) + "/")
    return f"{where}:{message.get('lastLine', '?')}: {message['message']}"


def test_every_page_is_valid_html(gated_site: Path) -> None:
    pages = html_pages(gated_site)
    assert len(pages) > 1
    errors = [describe(gated_site, m) for m in vnu_errors(pages)]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)


def test_the_checker_finds_errors(tmp_path: Path) -> None:
    # a gate that cannot fail guards nothing: the checker must see a plain mistake
    broken = tmp_path / "broken.html"
    broken.write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head>'
        '<body><label tabindex="">x</label></body></html>',
        encoding="utf-8",
    )
    errors = vnu_errors([broken])
    assert [m["message"] for m in errors] == [
        "Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer."
    ]


@pytest.mark.parametrize("name", sorted(PATCHES))
def test_patched_theme_templates_match_material(name: str) -> None:
    fix = "run `.venv/bin/python -m scripts.theme_patches` and review the diff"
    assert (OVERRIDES / name).read_text(encoding="utf-8") == patched(name), fix
