"""The publish workflows' logic (scripts/ci_publish.py), run locally in git repositories the
tests make, each with a bare `origin` to push to: a clean push, a Word upload, an upload that
cannot be imported, a data problem and the set-up form. The build is faked where the test is
about the workflow; the set-up test builds for real. Publishing (gh-pages) is always faked."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from scripts.ci_findings import ERROR, Finding
from scripts.ci_publish import Tools, main, publish
from tests.conftest import ROOT
from tests.office_docs import libreoffice_resave, word_file

BOARD = "Westvale Safeguarding Children Partnership"


class Recorder:
    """The build and the publishing, faked: records each call; the build writes site/."""

    def __init__(self, build_code: int = 0) -> None:
        self.built: list[Path] = []
        self.deployed: list[Path] = []
        self.build_code = build_code

    def build(self, repo: Path, data: Path) -> tuple[int, str]:
        self.built.append(data)
        (repo / "site").mkdir(exist_ok=True)
        return self.build_code, "INFO - built" if not self.build_code else "ERROR - it broke"

    def deploy(self, repo: Path, data: Path) -> tuple[int, str]:
        self.deployed.append(data)
        return 0, "published"

    def tools(self) -> Tools:
        return Tools(build=self.build, deploy=self.deploy)


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout.strip()


@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A board as `make new-board` writes it, made once for the module."""
    folder = tmp_path_factory.mktemp("starter") / "data"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "new_board.py"), "--data", str(folder),
         "--name", BOARD, "--area", "Westvale", "--url", "https://westvale.github.io/plans/"],
        check=True, capture_output=True,
    )  # fmt: skip
    return folder


def make_repo(tmp_path: Path, board: Path | None, *, project: bool = False) -> Path:
    """A clone of a bare `origin` whose main holds mkdocs.yml and the board in data/ (and, with
    `project`, what a real build needs: docs/, overrides/ and macros/)."""
    origin = tmp_path / "origin.git"
    subprocess.run(["git", "init", "--quiet", "--bare", "-b", "main", str(origin)], check=True)
    repo = tmp_path / "repo"
    subprocess.run(["git", "clone", "--quiet", str(origin), str(repo)], check=True,
                   capture_output=True)  # fmt: skip
    git(repo, "checkout", "--quiet", "-b", "main")
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    (repo / ".gitignore").write_text("site/\n.cache/\n__pycache__/\n", encoding="utf-8")
    shutil.copytree(board or ROOT / "data", repo / "data")
    if project:
        skip = shutil.ignore_patterns("__pycache__")
        for name in ("docs", "overrides", "macros"):
            shutil.copytree(ROOT / name, repo / name, ignore=skip)
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "The board")
    git(repo, "push", "--quiet", "origin", "main")
    return repo


def plan_file(repo: Path) -> Path:
    [found] = (repo / "data" / "plans").glob("*.yml")
    return found


def plan_title(repo: Path) -> str:
    return str(yaml.safe_load(plan_file(repo).read_text(encoding="utf-8"))["title"])


def origin_files(repo: Path) -> list[str]:
    return git(repo.parent / "origin.git", "ls-tree", "-r", "--name-only", "main").splitlines()


# --- a clean push ----------------------------------------------------------------------------


def test_clean_push_publishes_and_says_what_changed(
    starter: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path, starter)
    plan, title = plan_file(repo), plan_title(repo)
    text = plan.read_text(encoding="utf-8")
    # action 1.2 goes from amber (On target) to green (Complete), with its first dated update
    text = text.replace(
        "        status: amber\n",
        "        status: green\n        updates:\n          - date: 2026-11-30\n"
        "            text: Every school has had the training.\n",
    )
    plan.write_text(text, encoding="utf-8")
    git(repo, "commit", "--quiet", "-am", "1.2 is done")
    monkeypatch.chdir(repo)
    fake = Recorder()
    summary = publish(repo, fake.tools())
    assert summary.findings == []
    assert fake.deployed == [repo / "data"]
    assert summary.address == "https://westvale.github.io/plans/"
    assert summary.changes == [
        f"{title}: action 1.2 changed from On target to Complete",
        f"{title}: action 1.2 has 1 new update",
    ]
    markdown = summary.markdown()
    assert markdown.startswith(
        "## The site is published\n\nAddress: <https://westvale.github.io/plans/>"
    )
    assert f"- {title}: action 1.2 changed from On target to Complete" in markdown


def test_the_command_line_writes_the_summary_and_exits_0(
    starter: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    repo = make_repo(tmp_path, starter)
    monkeypatch.chdir(repo)
    summary_file = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    fake = Recorder()
    monkeypatch.setattr("scripts.ci_publish.Tools", fake.tools)
    assert main(["publish"]) == 0
    assert capsys.readouterr().out == ""  # no annotation: nothing to say
    assert summary_file.read_text(encoding="utf-8") == (
        "## The site is published\n\nAddress: <https://westvale.github.io/plans/>\n\n"
        f"### What changed\n\n- New plan: {plan_title(repo)}\n"
    )


# --- uploads ---------------------------------------------------------------------------------

HEAD = ["Ref", "Action", "Lead", "Due", "RAG", "Progress"]
# next quarter's version of the starter plan, in the board's own Word table: 1.2 is now done,
# 1.3 has moved on to amber, and two actions have a dated update
ROWS = [
    HEAD,
    ["1.1", "Write an online safety guide for parents", "Online safety group", "March 2027",
     "Green", "Nov 2026: The guide is in every school's newsletter."],
    ["1.2", "Train school staff to spot harm online", "Training group", "September 2027",
     "Green", "Nov 2026: Every primary school has had the session."],
    ["1.3", "Ask children what makes them feel unsafe online", "Participation officer",
     "December 2027", "Amber", ""],
]  # fmt: skip


def upload_parts(rows: list[list[str]]) -> list[tuple[str, object]]:
    return [("heading", "Priority 1: Keep children safe online"), ("table", (rows, []))]


@pytest.fixture(scope="module")
def uploads(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each test document as python-docx writes it and as LibreOffice saves it again."""
    folder = tmp_path_factory.mktemp("uploads")
    made = {}
    good = word_file(folder / "good.docx", upload_parts(ROWS))
    # a column the import knows no heading for: its cells would be left out of the plan
    extra = [[*row, "Budget code" if i == 0 else f"BC-{i}"] for i, row in enumerate(ROWS)]
    bad = word_file(folder / "bad.docx", upload_parts(extra))
    for name, path in (("good", good), ("bad", bad)):
        made[name] = path
        made[f"{name}-lo"] = libreoffice_resave(path)
    return made


def upload(repo: Path, document: Path, name: str) -> Path:
    """What "Add file → Upload files" does: one commit adding the file to the inbox."""
    target = repo / "data" / "inbox" / name
    shutil.copy(document, target)
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", f"Upload {name}")
    git(repo, "push", "--quiet", "origin", "main")
    return target


@pytest.mark.parametrize("saved_by", ["good", "good-lo"])
def test_a_word_upload_is_imported_saved_archived_and_published(
    saved_by: str, uploads: dict[str, Path], starter: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    repo = make_repo(tmp_path, starter)
    plan, title = plan_file(repo), plan_title(repo)
    name = f"{plan.stem} Q3.docx"  # named after the plan it updates
    upload(repo, uploads[saved_by], name)
    monkeypatch.chdir(repo)
    fake = Recorder()
    summary = publish(repo, fake.tools())
    assert summary.findings == []
    assert summary.imported == [f"Imported {name} into data/plans/{plan.name} (3 actions)"]
    assert summary.changes == [
        f"{title}: action 1.2 changed from On target to Complete",
        f"{title}: action 1.3 changed from Off target to On target",
        f"{title}: action 1.1 has 1 new update",  # the starter's own update was dated today
        f"{title}: action 1.2 has 1 new update",
    ]
    assert fake.deployed == [repo / "data"]
    # saved back to main: the plan, and the upload moved from the inbox to the archive
    archived = f"data/archive/{datetime.now(UTC).date().isoformat()}-{name}"
    files = origin_files(repo)
    assert archived in files and f"data/inbox/{name}" not in files
    assert git(repo, "status", "--porcelain") == ""
    imported = yaml.safe_load(plan.read_text(encoding="utf-8"))
    actions = imported["priorities"][0]["actions"]
    assert [(a["ref"], a["status"]) for a in actions] == [
        ("1.1", "green"),
        ("1.2", "green"),
        ("1.3", "amber"),
    ]
    assert git(repo.parent / "origin.git", "show", f"main:data/plans/{plan.name}") == (
        plan.read_text(encoding="utf-8").strip()
    )


@pytest.mark.parametrize("saved_by", ["bad", "bad-lo"])
def test_an_upload_that_cannot_be_imported_publishes_nothing(
    saved_by: str, uploads: dict[str, Path], starter: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    repo = make_repo(tmp_path, starter)
    plan = plan_file(repo)
    before = plan.read_text(encoding="utf-8")
    name = f"{plan.stem}.docx"
    upload(repo, uploads[saved_by], name)
    pushed = git(repo, "rev-parse", "HEAD")
    monkeypatch.chdir(repo)
    fake = Recorder()
    summary = publish(repo, fake.tools())
    heading = "'Budget code'"
    expected = [
        Finding(
            ERROR,
            f"this cell would be left out of the plan: its column has no heading the import "
            f"knows: BC-{row - 1}. Fix the document and upload it again with the same name (it "
            "replaces this one), or delete it from data/inbox/.",
            f"data/inbox/{name}",
            0,
            f"{name}, table 1, row {row}, column 7 ({heading})",
        )
        for row in (2, 3, 4)
    ]
    assert summary.findings == expected
    assert summary.annotations()[0] == (
        f"::error file=data/inbox/{name}::{name}, table 1, row 2, column 7 ({heading}): this "
        "cell would be left out of the plan: its column has no heading the import knows: "
        "BC-1. Fix the document and upload it again with the same name (it replaces this "
        "one), or delete it from data/inbox/."
    )
    assert fake.built == [] and fake.deployed == []
    # the board as it was: the plan untouched, the upload still in the inbox, nothing pushed
    assert plan.read_text(encoding="utf-8") == before
    assert (repo / "data" / "inbox" / name).is_file()
    assert git(repo.parent / "origin.git", "rev-parse", "main") == pushed
    markdown = summary.markdown()
    assert markdown.startswith("## Nothing was published\n\n3 problems must be fixed first.")
    assert (
        f"| data/inbox/{name}: {name}, table 1, row 2, column 7 ({heading}) | this cell would "
        "be left out of the plan: its column has no heading the import knows: BC-1." in markdown
    )
