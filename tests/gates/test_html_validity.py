"""Gate 2, valid HTML: the Nu Html Checker finds 0 errors on every page, the theme's included.

The theme's own errors are fixed by patched copies of Material templates in plansite/theme/
(see theme_patches.py); no checker message is filtered.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from scripts.theme_patches import OVERRIDES, PATCHES, patched
from tests.browser import INSTALL_HINT
from tests.conftest import ROOT, made_once
from tests.gates.conftest import html_pages

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# A run of a few seconds: Java's first compiler alone (C1) and one garbage-collector thread do it
# in under half the CPU (3.4 s against 8.0 s on the example's pages), with the same report byte
# for byte; C1's code needs a deeper thread stack than the checker's 512k (a StackOverflowError
# while it reads its schema).
JAVA_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m")


def vnu_errors(files: list[Path]) -> list[dict[str, object]]:
    """Every error the checker reports on `files`, in one Java run."""
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.fail(f"the Nu Html Checker needs java and {VNU}; {INSTALL_HINT}")
    result = subprocess.run(
        [
            java,
            *JAVA_OPTIONS,
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    # vnu prints its JSON report on stderr and exits 1 when it found errors
    messages: list[dict[str, object]] = json.loads(result.stderr)["messages"]
    return messages


def checked_file(message: dict[str, object]) -> Path:
    return Path(str(message.get("url", "")).removeprefix("file:"))


def describe(site: Path, message: dict[str, object]) -> str:
    where = str(message.get("url", "")).removeprefix("file:").removeprefix(str(site) + "/")
    return f"{where}:{message.get('lastLine', '?')}: {message['message']}"


# a gate that cannot fail guards nothing: the checker must see a plain mistake, in a page checked
# in the same run as the site's (one start of Java)
BROKEN = (
    '<!doctype html><html lang="en"><head><title>t</title></head>'
    '<body><label tabindex="">x</label></body></html>'
)


def site_checked_once(
    site: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[list[Path], Path, list[dict[str, object]]]:
    """The site's pages, the broken page, and every error the checker reported on them: one Java
    run per site and test run (`made_once`), read by this gate and by tests/test_glossary_in_place.py,
    which checks pages of the example site that this gate checks too."""
    key = hashlib.sha256(str(site.resolve()).encode()).hexdigest()[:16]

    def check(folder: Path) -> None:
        broken = folder / "broken.html"
        broken.write_text(BROKEN, encoding="utf-8")
        messages = vnu_errors([*html_pages(site), broken])
        (folder / "messages.json").write_text(json.dumps(messages), encoding="utf-8")

    folder = made_once(tmp_path_factory, f"vnu-{key}", check)
    messages = json.loads((folder / "messages.json").read_text(encoding="utf-8"))
    return html_pages(site), folder / "broken.html", messages


@pytest.fixture(scope="module")
def checked(
    gated_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[list[Path], Path, list[dict[str, object]]]:
    """The site's pages, the broken page, and every error the checker reported on them."""
    return site_checked_once(gated_site, tmp_path_factory)


def test_every_page_is_valid_html(
    gated_site: Path, checked: tuple[list[Path], Path, list[dict[str, object]]]
) -> None:
    pages, broken, messages = checked
    assert len(pages) > 1
    on_site = [m for m in messages if checked_file(m) != broken]
    errors = [describe(gated_site, m) for m in on_site]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)


def test_the_checker_finds_errors(
    checked: tuple[list[Path], Path, list[dict[str, object]]],
) -> None:
    _, broken, messages = checked
    assert [m["message"] for m in messages if checked_file(m) == broken] == [
        "Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer."
    ]


@pytest.mark.parametrize("name", sorted(PATCHES))
def test_patched_theme_templates_match_material(name: str) -> None:
    fix = "run `.venv/bin/python -m scripts.theme_patches` and review the diff"
    assert (OVERRIDES / name).read_text(encoding="utf-8") == patched(name), fix
