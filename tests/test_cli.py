"""The `plansite` command (plansite/cli.py): what each command says when it is written wrongly,
the starter site `new-board` writes, and the package's settings. The commands' real work is
tested where each module is (test_import*.py, test_board_folder.py, ...); a whole install is
tests/test_package_install.py."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest

from plansite import cli
from plansite.new_board import STARTER_SITE
from tests.conftest import ROOT

BOARD = ["--name", "Eastmoor Safeguarding Children Partnership", "--area", "Eastmoor",
         "--url", "https://example.org/"]  # fmt: skip


def said(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str]:
    """The exit code and what the command wrote to stderr, for a command that stops early."""
    try:
        code = cli.main(argv)
    except SystemExit as stop:
        code = int(stop.code or 0)
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "fix"),
    [
        (
            ["import", "plan.docx"],
            "Write it as: plansite import <plan.docx|plan.xlsx|plan.csv> <plan id>",
        ),
        (["check", "--bogus"], "Write it as: plansite check [<board folder>]"),
        (["bild"], "Write it as: plansite <command>; the commands: new-board, check, import"),
        ([], "plansite: name a command. Write it as: plansite <command>"),
        (["export"], "Write it as: plansite export <plan id>"),
    ],
)
def test_a_wrong_argument_is_one_line_that_names_the_fix(
    capsys: pytest.CaptureFixture[str], argv: list[str], fix: str
) -> None:
    code, err = said(capsys, argv)
    assert code == 2
    assert len(err.strip().splitlines()) == 1, err
    assert fix in err
    assert "usage:" not in err and "Traceback" not in err


def test_build_outside_a_site_says_where_to_run_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, err = said(capsys, ["build"])
    assert code == 2
    assert err.startswith(
        "plansite build: there is no mkdocs.yml here: run it in the site's folder"
    )
    assert "`plansite new-board`" in err


def test_a_plan_id_like_an_option_gets_the_plan_ids_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, err = said(capsys, ["import", str(tmp_path / "plan.docx"), "-x", "--data", str(tmp_path)])
    assert code == 1
    assert "-x" in err and "unrecognized arguments" not in err


def test_new_board_in_an_empty_folder_writes_the_starter_site(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["new-board", *BOARD]) == 0
    assert (tmp_path / "mkdocs.yml").read_bytes() == (STARTER_SITE / "mkdocs.yml").read_bytes()
    pages = sorted(p.relative_to(tmp_path / "docs") for p in (tmp_path / "docs").rglob("*"))
    assert pages == sorted(
        p.relative_to(STARTER_SITE / "docs") for p in (STARTER_SITE / "docs").rglob("*")
    )
    assert (tmp_path / "data" / "board.yml").is_file()
    out = capsys.readouterr().out
    assert "Next: edit them, then `plansite check` and `plansite serve`." in out
    # and the board's folder is the one mkdocs.yml names: check finds it without --data
    assert cli.main(["check"]) == 0
    assert "data: no problems found (1 plan, 3 actions, 0 indicators)" in capsys.readouterr().out


def test_new_board_never_writes_over_a_docs_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("Ours\n", encoding="utf-8")
    code, err = said(capsys, ["new-board", *BOARD])
    assert code == 1
    assert "docs already exists but mkdocs.yml does not" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]
    assert (tmp_path / "docs" / "index.md").read_text(encoding="utf-8") == "Ours\n"


def test_the_repositorys_settings_are_the_starter_sites_with_its_pages_named() -> None:
    """mkdocs.yml is the starter's settings file plus `docs_dir`, which names the package's
    pages: a change to one and not the other fails here."""
    ours = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    without = re.sub(r"(?m)^# the narrative pages:.*\n(#.*\n)*docs_dir: .*\n", "", ours)
    assert without != ours
    assert without == (STARTER_SITE / "mkdocs.yml").read_text(encoding="utf-8")
    assert "docs_dir: plansite/starter_site/docs\n" in ours


def test_the_package_pins_what_requirements_txt_pins() -> None:
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    pinned = [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]
    assert settings["project"]["dependencies"] == pinned
    assert settings["project"]["scripts"] == {"plansite": "plansite.cli:main"}


def test_python_m_plansite_is_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "plansite", "check", "--bogus"], cwd=ROOT, capture_output=True,
        text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.startswith("plansite check: unrecognized arguments: --bogus. Write it as:")


def test_build_and_serve_run_properdocs_on_the_settings_file_by_its_full_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[tuple[list[str], dict[str, str]]] = []

    class Engine:  # the engine's process, as subprocess.Popen starts it
        def __init__(self, command: list[str], env: dict[str, str]) -> None:
            ran.append((command, env))

        def wait(self) -> int:
            return 0

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANSITE_DATA", raising=False)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    monkeypatch.setattr(cli.subprocess, "Popen", Engine)
    assert cli.main(["build"]) == 0
    assert cli.main(["serve", "--data", "boards/eastmoor", "--dev-addr", "127.0.0.1:8123"]) == 0
    settings = str(tmp_path / "mkdocs.yml")
    assert [command for command, _ in ran] == [
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", settings],
        [sys.executable, "-m", "properdocs", "serve", "--dirty", "--dev-addr", "127.0.0.1:8123",
         "-f", settings],
    ]  # fmt: skip
    assert "PLANSITE_DATA" not in ran[0][1]  # the engine reads mkdocs.yml's folder itself
    assert ran[1][1]["PLANSITE_DATA"] == "boards/eastmoor"


def test_export_as_make_writes_it_reads_a_plan_id_like_an_option_as_a_plan_id(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, err = said(capsys, ["export", "--data", str(ROOT / "data"), "--", "-x"])
    assert code == 1
    assert "-x" in err and "business-plan-2025-28" in err  # the plans the board has


def test_a_wrong_address_leaves_the_empty_folder_empty(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    wrong = ["--name", "Eastmoor Board", "--area", "Eastmoor", "--url", "plans.example"]
    code, err = said(capsys, ["new-board", *wrong])
    assert code == 1
    assert "is not a web address: write it starting https://" in err
    assert list(tmp_path.iterdir()) == []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def engines_serving(address: str) -> dict[int, str]:
    """The engine processes serving at `address`, by process id."""
    ps = subprocess.run(["ps", "-ww", "-eo", "pid=,args="], capture_output=True, text=True,
                        check=True)  # fmt: skip
    found = [line.strip().split(" ", 1) for line in ps.stdout.splitlines()]
    return {int(pid): args for pid, args in found if "properdocs" in args and address in args}


@pytest.mark.slow  # serves a starter site (two builds)
@pytest.mark.parametrize("told", ["the terminal's Ctrl+C", "the plansite process alone"])
def test_serve_stops_with_ctrl_c_and_leaves_no_engine_running(tmp_path: Path, told: str) -> None:
    site = tmp_path / "site"
    site.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PLANSITE_CACHE": str(tmp_path / "cache")}
    made = subprocess.run([sys.executable, "-m", "plansite", "new-board", *BOARD], cwd=site,
                          env=env, capture_output=True, text=True, timeout=600, check=False)  # fmt: skip
    assert made.returncode == 0, made.stderr
    address = f"127.0.0.1:{free_port()}"
    serve = subprocess.Popen(
        [sys.executable, "-m", "plansite", "serve", "--dev-addr", address], cwd=site, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as from a terminal
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 600  # a long deadline for a busy machine
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://{address}/", timeout=5) as page:
                    assert b"Eastmoor Safeguarding Children Partnership" in page.read()
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the site was not served")
        if told == "the terminal's Ctrl+C":
            os.killpg(serve.pid, signal.SIGINT)  # the whole foreground group, as a terminal does
        else:
            serve.send_signal(signal.SIGINT)
        assert serve.wait(timeout=120) == 0
        assert engines_serving(address) == {}
    finally:  # nothing left running, whatever failed
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGKILL)
        for pid in engines_serving(address):
            os.kill(pid, signal.SIGKILL)
