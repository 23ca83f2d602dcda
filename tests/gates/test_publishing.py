"""Gate 7, safe publishing: bad data publishes nothing, `make deploy` refuses when `make check`
fails, the custom domain survives every deploy, and the 404 page is styled and leads home."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.conftest import ROOT, page, run_build
from tests.gates.conftest import target_file
from tests.gates.test_links import _MkDocsLoader

BROKEN_STATUS = "status: not-a-status-word"


def break_board(data: Path) -> tuple[str, int]:
    """Give the current plan's first action an unknown status; returns (file, line)."""
    for plan in sorted((data / "plans").glob("*.yml")):
        lines = plan.read_text(encoding="utf-8").splitlines(keepends=True)
        for number, line in enumerate(lines, start=1):
            if line.strip().startswith("status: ") and "current" in "".join(lines[:number]):
                indent = line[: len(line) - len(line.lstrip())]
                lines[number - 1] = f"{indent}{BROKEN_STATUS}\n"
                plan.write_text("".join(lines), encoding="utf-8")
                return f"plans/{plan.name}", number
    raise AssertionError("no action status to break in the example data")


@pytest.fixture
def broken_data(data_copy: Callable[[str], Path]) -> tuple[Path, str]:
    data = data_copy("data")
    file, line = break_board(data)
    return data, f"{file}:{line}:"


def test_bad_data_fails_the_build_and_leaves_the_site_alone(
    broken_data: tuple[Path, str], tmp_path: Path
) -> None:
    data, where = broken_data
    site = tmp_path / "published"
    site.mkdir()
    (site / "index.html").write_text("the site as last published", encoding="utf-8")
    result = run_build(data, site)
    assert result.returncode != 0
    assert where in result.stderr and "not-a-status-word" in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the site as last published"


def fake_venv(folder: Path) -> Path:
    """A venv for make whose site engine only records that it ran; python is otherwise the real
    one."""
    bin_dir = folder / "bin"
    bin_dir.mkdir(parents=True)
    record = f'echo "$@" > {folder / "mkdocs-ran"}\n'
    scripts = {
        # make runs `python -m properdocs` (or `-m mkdocs`): that is recorded, never run (it
        # would publish), with the engine's name first; anything else runs for real
        "python": 'if [ "$1 $2" = "-m mkdocs" ] || [ "$1 $2" = "-m properdocs" ]; then '
        f"shift; {record}exit 0; fi\n"
        f'exec {ROOT / ".venv" / "bin" / "python"} "$@"\n',
        "mkdocs": record,
    }
    for name, body in scripts.items():
        script = bin_dir / name
        script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
        script.chmod(script.stat().st_mode | stat.S_IEXEC)
    (folder / ".installed").touch()  # newer than requirements*.txt: make installs nothing
    return folder


def make_deploy(data: Path, venv: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    return subprocess.run(
        ["make", "--no-print-directory", "deploy", f"DATA={data}", f"VENV={venv}"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_make_deploy_refuses_when_check_fails(
    broken_data: tuple[Path, str], tmp_path: Path
) -> None:
    data, where = broken_data
    venv = fake_venv(tmp_path / "venv")
    result = make_deploy(data, venv)
    assert result.returncode != 0
    assert where in result.stdout + result.stderr
    assert "nothing was published" in result.stdout + result.stderr
    assert not (venv / "mkdocs-ran").exists()


def test_make_deploy_runs_gh_deploy_when_check_passes(tmp_path: Path) -> None:
    venv = fake_venv(tmp_path / "venv")
    result = make_deploy(ROOT / "data", venv)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (venv / "mkdocs-ran").read_text(encoding="utf-8").split()[:2] == [
        "properdocs",
        "gh-deploy",
    ]


def mkdocs_config() -> dict[str, object]:
    config: dict[str, object] = yaml.load(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_MkDocsLoader
    )
    return config


def test_custom_domain_and_site_url_agree(example_site: Path) -> None:
    # the board's web address is the board's: in board.yml, never in mkdocs.yml
    assert "site_url" not in mkdocs_config()
    board = yaml.safe_load((ROOT / "data" / "board.yml").read_text(encoding="utf-8"))
    site_url = urlsplit(str(board["site_url"]))
    assert site_url.scheme == "https"
    sitemap = (example_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{board['site_url']}plans/</loc>" in sitemap
    # gh-deploy replaces the whole gh-pages branch: the domain survives only as site/CNAME
    assert (example_site / "CNAME").read_text(encoding="utf-8").strip() == site_url.hostname


def test_404_page_is_styled_and_leads_home(example_site: Path) -> None:
    html = page(example_site, "404.html")
    assert html.h1 is not None and html.h1.get_text(strip=True) == "Page not found"
    stylesheets = [str(link["href"]) for link in html.find_all("link", rel="stylesheet")]
    assert any(href.endswith("stylesheets/plansite.css") for href in stylesheets)
    home = html.find("a", string=lambda s: bool(s) and s.startswith("Go to the home page"))
    assert home is not None
    assert target_file(example_site, example_site / "404.html", str(home["href"])) == (
        example_site / "index.html"
    )


def test_publish_workflow_publishes_main_through_the_tested_logic() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    # PyYAML reads the key `on` as True
    assert workflow[True]["push"]["branches"] == ["main"]
    assert workflow["permissions"]["contents"] == "write"
    steps = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    # scripts/ci_publish.py checks before it builds and publishes (tests/test_workflow.py)
    assert any(run.startswith("python scripts/ci_publish.py publish") for run in steps)
