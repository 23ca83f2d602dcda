"""Plansite installs as a package (issue 25): `pip install <repository>` (not editable) into a
fresh virtual environment, then, in an empty folder outside the repository, `plansite
new-board` and `plansite build` give a site and `plansite check` passes. The package holds all a
build needs (fragments, words, theme, starter site) and none of tests/, data/ or node_modules.

The fresh environment sees, through a .pth file, the packages plansite needs (pyproject.toml's
dependencies and theirs) from the project's own environment, which `make` installed from the
same requirements.txt: installing them again took 3 min in a fresh clone. The package itself is
pip-installed into it afresh each run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

NAME = "Eastmoor Safeguarding Children Partnership"
# what a copy of the repository leaves out: environments, caches, built sites, git
NOT_SOURCE = (".venv", "node_modules", ".git", "site", ".cache", "*_cache", "__pycache__", "build")


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=1800,
        stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


def site_packages(python: Path) -> Path:
    code = "import sysconfig; print(sysconfig.get_path('purelib'))"
    return Path(run([str(python), "-c", code], cwd=python.parent).strip())


# Run by the project's own environment: the distributions plansite needs (pyproject.toml's
# dependencies and theirs, transitively, plus the build backend), each with the top-level
# folders and files it installed. Only these are shown to the fresh environment.
NEEDED_FILES = r"""
import json, re, sys, tomllib
from importlib.metadata import distribution
from packaging.requirements import Requirement
project = tomllib.load(open(sys.argv[1], "rb"))
todo = [*project["project"]["dependencies"], *project["build-system"]["requires"]]
seen, tops = set(), set()
while todo:
    requirement = Requirement(todo.pop())
    if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
        continue
    name = re.sub(r"[-_.]+", "-", requirement.name).lower()
    if name in seen:
        continue
    seen.add(name)
    dist = distribution(name)
    tops.update(f.parts[0] for f in dist.files or () if ".." not in f.parts and f.parts[0] != "bin")
    todo.extend(dist.requires or ())
print(json.dumps(sorted(tops)))
"""


@pytest.fixture(scope="module")
def requirements_view(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of links to the packages plansite needs, and nothing else, in the project's own
    environment (installed from the same requirements.txt by `make`). Installing
    requirements.txt again into a new environment took 3 min in a fresh clone and proved
    nothing more: the fresh environment still sees only those packages. Left out on purpose:
    the project's editable plansite (its dist-info and `__editable__` finder would shadow the
    installed copy), the test tools (pytest, ruff, mypy), and every .pth file."""
    needed = run([sys.executable, "-c", NEEDED_FILES, str(ROOT / "pyproject.toml")], cwd=ROOT)
    tops = json.loads(needed)
    here = Path(sysconfig.get_path("purelib"))
    view = tmp_path_factory.mktemp("requirements") / "site-packages"
    view.mkdir()
    for top in tops:
        if (here / top).exists() and not top.startswith(("plansite", "__editable__")):
            (view / top).symlink_to(here / top)
    return view


@dataclass
class Installed:
    venv: Path
    seconds: float  # how long `pip install <repository>` took

    @property
    def plansite(self) -> str:
        return str(self.venv / "bin" / "plansite")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory, requirements_view: Path) -> Installed:
    """A fresh environment with the package pip-installed from a copy of the repository (pip
    builds in the source folder: the repository itself is left as it is)."""
    root = tmp_path_factory.mktemp("install")
    source = root / "plansite-source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    venv = root / "venv"
    # no pip of its own (ensurepip takes seconds): this environment's pip installs into it
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=root)
    python = venv / "bin" / "python"
    (site_packages(python) / "plansite-requirements.pth").write_text(
        f"{requirements_view}\n", encoding="utf-8"
    )
    start = time.monotonic()
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet"]
    run([*pip, str(source)], cwd=root)
    seconds = time.monotonic() - start
    print(f"pip install <repository> (the requirements already there): {seconds:.1f} s")
    return Installed(venv, seconds)


def clean_env(tmp: Path) -> dict[str, str]:
    """The commands' environment: nothing that would lead them to the repository's code."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PLANSITE_DATA")}
    return {**env, "PLANSITE_CACHE": str(tmp / "cache")}


def test_the_package_holds_what_a_build_needs_and_no_tests_or_data(installed: Installed) -> None:
    code = "import importlib.metadata as m\nfor f in m.files('plansite'): print(f)"
    files = run([str(installed.venv / "bin" / "python"), "-c", code], cwd=installed.venv)
    names = files.split()
    assert [n for n in names if n.split("/")[0] in ("tests", "data", "node_modules", "docs")] == []
    assert [n for n in names if "/tests/" in n or n.startswith("scripts/")] == []
    for needed in (
        "plansite/theme/main.html",  # the theme overrides
        "plansite/theme/partials/footer.html",
        "plansite/theme/admin/decap-cms.js",  # the /admin/ page's scripts
        "plansite/words/en.yml",
        "plansite/fragments/home/page.html",
        "plansite/starter_site/mkdocs.yml",  # the starter site new-board copies
        "plansite/starter_site/docs/index.md",
        "plansite/starter_site/docs/stylesheets/plansite.css",
        "plansite/starter_site/docs/images/guide/goal.svg",
    ):
        assert needed in names


def test_a_new_board_outside_the_repository_checks_and_builds(
    installed: Installed, tmp_path: Path
) -> None:
    folder = tmp_path / "eastmoor"
    folder.mkdir()
    env = clean_env(tmp_path)
    plansite = installed.plansite
    made = run([plansite, "new-board", "--name", NAME, "--area", "Eastmoor", "--url",
                "https://example.org/"], cwd=folder, env=env)  # fmt: skip
    assert "Next: edit them, then `plansite check` and `plansite serve`." in made
    assert sorted(p.name for p in folder.iterdir()) == ["data", "docs", "mkdocs.yml"]
    (plan,) = (folder / "data" / "plans").glob("*.yml")

    checked = run([plansite, "check"], cwd=folder, env=env)
    assert "data: no problems found (1 plan, 3 actions, 0 indicators)" in checked

    run([plansite, "build"], cwd=folder, env=env)
    site = folder / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert NAME in home
    assert (site / "plans" / plan.stem / "index.html").is_file()  # the starter's plan
    assert (site / "admin" / "decap-cms.js").is_file()  # the theme's files, from the package
    assert (site / "stylesheets" / "plansite.css").is_file()  # the starter site's


def test_the_commands_run_the_installed_package(installed: Installed, tmp_path: Path) -> None:
    code = "import plansite.cli, plansite.engine.theme as t; print(plansite.cli.__file__, t.THEME)"
    where = run([str(installed.venv / "bin" / "python"), "-c", code], cwd=tmp_path)
    assert str(ROOT) not in where
    assert where.count(str(installed.venv)) == 2
