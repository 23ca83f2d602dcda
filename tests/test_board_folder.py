"""One board folder, named once: `data_dir` in mkdocs.yml. `make new-board DATA=<folder>` names
it there, every make target uses it without DATA=, and an import into a new board replaces the
starter's example plan while nobody has edited it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from plansite import cli
from plansite.office.__main__ import main as import_main
from plansite.read.board_folder import name_folder, named_folder
from tests.conftest import ROOT
from tests.office_docs import word_file

BOARD = ["--name", "Eastmoor Safeguarding Children Partnership", "--area", "Eastmoor",
         "--url", "https://plans.eastmoor-scp.org.uk/"]  # fmt: skip


def site_copy(folder: Path) -> Path:
    """The site's mkdocs.yml, copied: the tests never change the project's own."""
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml"))


def test_the_folder_is_named_in_mkdocs_yml_and_renamed_there_only(tmp_path: Path) -> None:
    assert named_folder(ROOT / "mkdocs.yml") == "data"  # the example board
    config = site_copy(tmp_path)
    before = config.read_text(encoding="utf-8")
    assert name_folder("boards/eastmoor", config)
    after = config.read_text(encoding="utf-8")
    assert named_folder(config) == "boards/eastmoor"
    changed = [
        (a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b
    ]
    assert changed == [
        (
            "      data_dir: !ENV [PLANSITE_DATA, data]",
            "      data_dir: !ENV [PLANSITE_DATA, boards/eastmoor]",
        )
    ]


def test_new_board_names_its_folder_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = site_copy(tmp_path / "site")
    folder = tmp_path / "site" / "eastmoor"
    assert cli.main(["new-board", "--data", str(folder), "--config", str(config), *BOARD]) == 0
    assert named_folder(config) == "eastmoor"
    out = capsys.readouterr().out
    assert "Named eastmoor as the board's folder in mkdocs.yml (`data_dir`)" in out
    assert out.rstrip().endswith("Next: edit them, then `make check` and `make serve`.")
    # a folder outside the site's own folder is not named: DATA= names it each time
    elsewhere = tmp_path / "elsewhere"
    assert cli.main(["new-board", "--data", str(elsewhere), "--config", str(config), *BOARD]) == 0
    assert named_folder(config) == "eastmoor"
    assert (
        capsys.readouterr()
        .out.rstrip()
        .endswith(f"`make check DATA={elsewhere}` and `make serve DATA={elsewhere}`.")
    )


@pytest.fixture(scope="module")
def make_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Makefile in a folder of its own whose mkdocs.yml names `eastmoor`: `make -n` shows
    what each target would run."""
    folder = tmp_path_factory.mktemp("make")
    shutil.copy(ROOT / "Makefile", folder)
    (folder / "plansite" / "read").mkdir(parents=True)  # what the Makefile runs before .venv
    for name in ("__init__.py", "read/__init__.py", "read/board_folder.py"):
        shutil.copy(ROOT / "plansite" / name, folder / "plansite" / name)
    name_folder("eastmoor", site_copy(folder))
    for name in ("requirements.txt", "requirements-dev.txt", "pyproject.toml"):
        (folder / name).touch()
    (folder / ".venv").mkdir()
    for name in (".installed", ".installed-dev"):
        (folder / ".venv" / name).touch()
    return folder


def dry_run(folder: Path, *args: str, **env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    clean = {k: v for k, v in clean.items() if k not in ("DATA", "PLANSITE_DATA")}
    made = subprocess.run(
        ["make", "--no-print-directory", "-n", *args], cwd=folder, env={**clean, **env},
        capture_output=True, text=True, timeout=600, check=True,
    )  # fmt: skip
    return made.stdout


def test_every_make_target_uses_the_named_folder(make_copy: Path) -> None:
    # each target is the `plansite` command (plansite/cli.py), given the folder
    assert dry_run(make_copy, "check") == ".venv/bin/python -m plansite check eastmoor\n"
    assert dry_run(make_copy, "import", "FILE=plan.docx", "PLAN=p").endswith(
        '-m plansite import "plan.docx" "p" --data "eastmoor"   \n'
    )
    assert dry_run(make_copy, "export", "PLAN=p").endswith(
        'plansite export --data "eastmoor" -- "p"\n'
    )
    assert dry_run(make_copy, "deploy").startswith(".venv/bin/python -m plansite check eastmoor\n")
    # build, serve and deploy run the engine, which reads the folder from mkdocs.yml itself
    # (`data_dir: !ENV [PLANSITE_DATA, eastmoor]`): make sets no PLANSITE_DATA of its own
    for target in ("build", "serve", "deploy"):
        database = dry_run(make_copy, "-p", target).splitlines()
        assert not [line for line in database if line.startswith("PLANSITE_DATA ")]
        assert "BOARD := eastmoor" in database
        command = {"build": "plansite build --config", "serve": "plansite serve --config",
                   "deploy": "properdocs gh-deploy --strict -f"}[target]  # fmt: skip
        assert dry_run(make_copy, target).endswith(f'-m {command} "{make_copy}/mkdocs.yml"\n')
    # ... DATA= names another folder for one command: then make passes it on
    database = dry_run(make_copy, "-p", "build", "DATA=other").splitlines()
    assert "PLANSITE_DATA := other" in database
    # DATA= and PLANSITE_DATA still name another folder for one command
    assert dry_run(make_copy, "check", "DATA=other") == ".venv/bin/python -m plansite check other\n"
    assert dry_run(make_copy, "check", PLANSITE_DATA="other").endswith("plansite check other\n")


def plan_doc(path: Path) -> Path:
    rows = [
        ["Ref", "Action", "Lead", "Due", "RAG"],
        ["1.1", "Open a night-time help line", "Out of hours team", "Nov-26", "A"],
    ]
    return word_file(path, [("title", "Eastmoor Plan"), ("table", (rows, []))])


def test_an_import_replaces_the_unedited_starter_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    board = tmp_path / "eastmoor"
    assert cli.main(["new-board", "--data", str(board), *BOARD]) == 0
    (starter,) = (board / "plans").glob("*.yml")
    capsys.readouterr()
    assert import_main([str(plan_doc(tmp_path / "plan.docx")), "plan", "--data", str(board)]) == 0
    out = capsys.readouterr().out
    imported = board / "plans" / "plan.yml"
    assert (
        f"Replaced {starter}, the starter's example plan (never edited), with the imported plan "
        f"{imported}: it is the one the site shows, and none of the example's words are kept."
    ) in out
    assert [p.name for p in (board / "plans").glob("*.yml")] == ["plan.yml"]
    assert yaml.safe_load(imported.read_text(encoding="utf-8"))["current"] is True
    assert "The site shows" not in out


def test_an_edited_starter_plan_stays(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    board = tmp_path / "eastmoor"
    assert cli.main(["new-board", "--data", str(board), *BOARD]) == 0
    (starter,) = (board / "plans").glob("*.yml")
    text = starter.read_text(encoding="utf-8")
    starter.write_text(text.replace("Train school staff", "Train all school staff"), "utf-8")
    capsys.readouterr()
    assert import_main([str(plan_doc(tmp_path / "plan.docx")), "plan", "--data", str(board)]) == 0
    out = capsys.readouterr().out
    assert starter.exists()
    assert "Replaced" not in out
    assert f"The site shows {starter} first, because it has `current: true`." in out
