"""The publish workflows' logic (scripts/ci_publish.py), run locally in git repositories the
tests make, each with a bare `origin` to push to: a clean push, a Word upload, an upload that
cannot be imported, a data problem and the set-up form. The build is faked where the test is
about the workflow; the set-up test builds for real. Publishing (gh-pages) is always faked."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml

from plansite.engine.identity import write_cname
from scripts.ci_findings import ERROR, NOTICE, Finding, Summary
from scripts.ci_publish import Tools, main, publish, set_up
from tests.conftest import ROOT
from tests.office_docs import excel_file, libreoffice_resave_all, word_file

BOARD = "Westvale Safeguarding Children Partnership"


@pytest.fixture(autouse=True)
def outside_github(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a developer's machine, even when the tests run in GitHub Actions."""
    for name in ("GITHUB_REF_NAME", "GITHUB_REPOSITORY", "GITHUB_STEP_SUMMARY", "PLANSITE_DATA"):
        monkeypatch.delenv(name, raising=False)


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
        [sys.executable, "-m", "plansite", "new-board", "--data", str(folder),
         "--name", BOARD, "--area", "Westvale", "--url", "https://westvale.github.io/plans/"],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    return folder


def make_repo(tmp_path: Path, board: Path | None, *, project: bool = False) -> Path:
    """A clone of a bare `origin` whose main holds mkdocs.yml and the board in data/ (and, with
    `project`, what a real build needs: plansite/, whose starter_site/docs/ mkdocs.yml names)."""
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
        for name in ("plansite",):
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
    assert plan_findings(summary) == []
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


MEMBERS = [["Agency", "Member"], ["Westvale Police", "Head of public protection"]]


def upload_parts(rows: list[list[str]], members: bool = False) -> list[tuple[str, object]]:
    parts: list[tuple[str, object]] = [
        ("heading", "Priority 1: Keep children safe online"),
        ("table", (rows, [])),
    ]
    if members:  # a table that is no part of the plan, as many boards' documents have
        parts += [("heading", "Who is on the board"), ("table", (MEMBERS, []))]
    return parts


@pytest.fixture(scope="module")
def uploads(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each test document as python-docx writes it and as LibreOffice saves it again."""
    folder = tmp_path_factory.mktemp("uploads")
    made = {}
    good = word_file(folder / "good.docx", upload_parts(ROWS))
    # a column the import knows no heading for: its cells would be left out of the plan
    extra = [[*row, "Budget code" if i == 0 else f"BC-{i}"] for i, row in enumerate(ROWS)]
    bad = word_file(folder / "bad.docx", upload_parts(extra))
    members = word_file(folder / "members.docx", upload_parts(ROWS, members=True))
    # 1.2 given the ref of 1.1 by mistake: the import places it, the check refuses the plan
    twice = [ROWS[0], ROWS[1], ["1.1", *ROWS[2][1:]], ROWS[3]]
    twice_file = word_file(folder / "twice.docx", upload_parts(twice))
    # the same plan as an Excel tracker, with the unknown column, under its sheet's name
    tracker = excel_file(folder / "tracker.xlsx", {"Action plan": extra})
    made_here = (("good", good), ("bad", bad), ("members", members), ("twice", twice_file),
                 ("tracker", tracker))  # fmt: skip
    saved = libreoffice_resave_all([path for _, path in made_here])  # one LibreOffice a kind
    for (name, path), resaved in zip(made_here, saved, strict=True):
        made[name] = path
        made[f"{name}-lo"] = resaved
    return made


GUIDE = "is left out of the young people's guide"  # advice on a plan imported from a document
STARTER = "the starter's example plan (never edited)"  # the first upload replaces the example


def plan_findings(summary: Any) -> list[Any]:
    """The findings but two notices every first upload into a new board gets: the starter's
    example plan replaced (its own test below), and the guide's advice (a document has no
    young people's words to give)."""
    return [f for f in summary.findings if GUIDE not in f.message and STARTER not in f.message]


def annotations(summary: Any) -> list[str]:
    return [a for a in summary.annotations() if GUIDE not in a and STARTER not in a]


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
    assert plan_findings(summary) == []
    assert summary.imported == [f"Imported {name} into data/plans/{plan.name} (3 actions)"]
    # the document gives no key: its "Green" and "Amber" take standard RAG's words (on track,
    # at risk), never "complete", and the starter's example words are not kept
    assert summary.changes[:2] == [
        f"{title}: action 1.2 changed from On target to On track",
        f"{title}: action 1.3 changed from Off target to At risk",
    ]
    assert summary.changes[2:] == [
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
    column_fix = (
        "Give the column a heading the import knows, or name it in a mapping file (`map:` in "
        "the inbox's plans.yml, as data/inbox/README.md shows; `ignore` leaves it out), and "
        "upload the document again."
    )
    expected = [
        Finding(
            ERROR,
            f"this cell would be left out of the plan: its column has no heading the import "
            f"knows: BC-{row - 1}. {column_fix}",
            f"data/inbox/{name}",
            0,
            f"{name}, table 1, row {row}, column 7 ({heading})",
        )
        for row in (2, 3, 4)
    ]
    assert plan_findings(summary) == expected
    assert annotations(summary)[0] == (
        f"::error file=data/inbox/{name}::{name}, table 1, row 2, column 7 ({heading}): this "
        "cell would be left out of the plan: its column has no heading the import knows: "
        f"BC-1. {column_fix}"
    )
    assert fake.built == [] and fake.deployed == []
    # the board as it was: the plan untouched, the upload still in the inbox, nothing pushed
    assert plan.read_text(encoding="utf-8") == before
    assert (repo / "data" / "inbox" / name).is_file()
    assert git(repo.parent / "origin.git", "rev-parse", "main") == pushed
    markdown = summary.markdown()
    assert markdown.startswith("## Nothing was published\n\n3 problems must be fixed first.")
    assert (
        f"| {name}, table 1, row 2, column 7 ({heading}) | this cell would "
        "be left out of the plan: its column has no heading the import knows: BC-1." in markdown
    )


def test_a_file_that_is_no_plan_document_publishes_nothing(
    starter: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path, starter)
    old_word = tmp_path / "plan.doc"
    old_word.write_bytes(b"\xd0\xcf\x11\xe0 an old Word file")
    upload(repo, old_word, "plan.doc")
    monkeypatch.chdir(repo)
    fake = Recorder()
    summary = publish(repo, fake.tools())
    assert annotations(summary) == [
        "::error file=data/inbox/plan.doc::the import reads .docx (Word), .xlsx (Excel) and "
        ".csv files; save the plan in one of these formats. Fix the document and upload it "
        "again with the same name (it replaces this one), or delete it from data/inbox/."
    ]
    assert fake.deployed == []


def test_an_inbox_map_names_the_plan_an_upload_updates(
    uploads: dict[str, Path], starter: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path, starter)
    plan = plan_file(repo)
    (repo / "data" / "inbox" / "plans.yml").write_text(
        f'"Quarterly tracker.docx": {plan.stem}\n', encoding="utf-8"
    )
    upload(repo, uploads["good"], "Quarterly tracker.docx")
    monkeypatch.chdir(repo)
    summary = publish(repo, Recorder().tools())
    assert plan_findings(summary) == []
    assert summary.imported == [
        f"Imported Quarterly tracker.docx into data/plans/{plan.name} (3 actions)"
    ]
    assert sorted(p.name for p in (repo / "data" / "plans").iterdir()) == [plan.name]
    assert "data/inbox/plans.yml" in origin_files(repo)  # the map stays for next quarter


# --- a problem in the data -------------------------------------------------------------------


def test_a_data_problem_is_annotated_with_its_file_and_line(
    starter: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path, starter)
    plan = plan_file(repo)
    lines = plan.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(n for n, text in enumerate(lines, start=1) if text.strip() == "status: amber")
    lines[line - 1] = lines[line - 1].replace("amber", "purple")
    plan.write_text("".join(lines), encoding="utf-8")
    git(repo, "commit", "--quiet", "-am", "A status word the plan does not have")
    monkeypatch.chdir(repo)
    fake = Recorder()
    summary = publish(repo, fake.tools())
    [annotation] = annotations(summary)
    assert annotation.startswith(f"::error file=data/plans/{plan.name},line={line}::")
    assert "purple" in annotation
    assert fake.built == [] and fake.deployed == []
    assert summary.markdown().startswith(
        "## Nothing was published\n\n1 problem must be fixed first. The site stays as it was."
        f"\n\n| Where | What to do |\n|---|---|\n| data/plans/{plan.name} line {line} |"
    )


def test_a_build_that_fails_publishes_nothing(
    starter: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path, starter)
    monkeypatch.chdir(repo)
    fake = Recorder(build_code=1)
    summary = publish(repo, fake.tools())
    assert [f.message for f in summary.findings] == [
        "the site could not be built; nothing was published. The build said:\nERROR - it broke"
    ]
    assert fake.deployed == []


# --- annotations and the summary -------------------------------------------------------------


def test_annotations_escape_what_github_reads_as_markup() -> None:
    finding = Finding(ERROR, "50% done\nsecond line", "data/a,b:c.yml", 3)
    assert (
        finding.annotation() == "::error file=data/a%2Cb%3Ac.yml,line=3::50%25 done%0Asecond line"
    )
    assert Finding(NOTICE, "only advice").annotation() == "::notice::only advice"
    summary = Summary(findings=[Finding(NOTICE, "a | b", "data/board.yml", 2)])
    assert not summary.failed
    assert summary.markdown().endswith(
        "### Advice (published as written)\n\n| Where | What to do |\n|---|---|\n"
        "| data/board.yml line 2 | a \\| b |\n"
    )


# --- set-up ----------------------------------------------------------------------------------


@pytest.mark.slow  # builds the new board's site
def test_set_up_writes_a_board_that_builds_and_publishes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path, None, project=True)  # the template: the example board in data/
    monkeypatch.chdir(repo)
    monkeypatch.setenv("GITHUB_REPOSITORY", "Westvale-SCP/plans")
    monkeypatch.setenv("PLANSITE_CACHE", "")
    fake = Recorder()
    summary = set_up(repo, BOARD, "Westvale", "", Tools(deploy=fake.deploy))  # a real build
    assert plan_findings(summary) == [], summary.annotations()
    assert summary.address == "https://westvale-scp.github.io/plans/"
    assert fake.deployed == [repo / "data"]
    board = yaml.safe_load((repo / "data" / "board.yml").read_text(encoding="utf-8"))
    assert (board["name"], board["site_url"]) == (BOARD, "https://westvale-scp.github.io/plans/")
    assert BOARD in (repo / "site" / "index.html").read_text(encoding="utf-8")
    assert not (repo / "site" / "CNAME").exists()  # GitHub Pages' own address: no CNAME
    files = origin_files(repo)
    assert "data/board.yml" in files and "data/inbox/README.md" in files
    assert "data/indicators.yml" not in files  # the example board is gone
    assert git(repo.parent / "origin.git", "log", "-1", "--format=%s", "main") == (
        f"Set up the board: {BOARD}"
    )
    again = set_up(repo, "Another board", "Elsewhere", "", Tools(deploy=fake.deploy))
    assert annotations(again) == [
        "::error file=data/board.yml::this repository already has a board in data/: “Set up "
        "this board” runs once, on the example board. Edit board.yml instead (open it on "
        "GitHub and click the pencil)."
    ]
    assert len(fake.deployed) == 1


def test_set_up_with_an_empty_name_says_so(starter: Path, tmp_path: Path) -> None:
    repo = make_repo(tmp_path, starter)
    # as the workflow runs it: the script itself, in the repository, with no terminal
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "ci_publish.py"), "set-up", "--name", " ",
         "--area", "Westvale", "--address", "https://plans.westvale.example.org/"],
        cwd=repo, capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False,
        env=dict(os.environ),  # without GitHub's variables (outside_github)
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == (
        "::error::the board's name is empty: run “Set up this board” again and fill in name."
    )
    assert "## Nothing was published" in done.stdout and done.stderr == ""


# --- the workflows themselves ----------------------------------------------------------------


def test_the_workflows_pass_actionlint() -> None:
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert actionlint, "actionlint is missing: pip install -r requirements-dev.txt"
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert [w.name for w in workflows] == ["publish.yml", "set-up.yml"]
    done = subprocess.run(
        [actionlint, *map(str, workflows)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_the_workflows_only_call_the_tested_logic() -> None:
    for name, command in (("publish.yml", "publish"), ("set-up.yml", "set-up")):
        workflow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())
        runs = [s.get("run", "") for job in workflow["jobs"].values() for s in job["steps"]]
        assert any(run.startswith(f"python scripts/ci_publish.py {command}") for run in runs)


def test_no_cname_for_a_github_pages_address(tmp_path: Path) -> None:
    for address, expected in (
        ("https://westvale.github.io/plans/", None),
        ("https://plans.westvale.example.org/", "plans.westvale.example.org\n"),
    ):
        site_dir = tmp_path / re.sub(r"\W+", "-", address)
        site_dir.mkdir()
        write_cname(SimpleNamespace(site_url=address), site_dir)  # type: ignore[arg-type]
        cname = site_dir / "CNAME"
        assert (cname.read_text(encoding="utf-8") if cname.exists() else None) == expected


def test_something_unexpected_is_said_in_words_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # no mkdocs.yml here
    assert main(["publish"]) == 1
    out = capsys.readouterr()
    assert out.out.startswith(
        "::error::the workflow stopped on something it did not expect (FileNotFoundError: "
    )
    assert "Traceback" not in out.out + out.err


@pytest.mark.parametrize("saved_by", ["members", "members-lo"])
def test_cells_outside_the_plan_are_advice_and_the_plan_is_published(
    saved_by: str, uploads: dict[str, Path], starter: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    repo = make_repo(tmp_path, starter)
    name = f"{plan_file(repo).stem}.docx"
    upload(repo, uploads[saved_by], name)
    monkeypatch.chdir(repo)
    fake = Recorder()
    summary = publish(repo, fake.tools())
    why = "not in the plan: its table has no plan columns"
    assert [(f.level, f.place, f.message) for f in plan_findings(summary)] == [
        (NOTICE, f"{name}, table 2, row 1, column 1 (no heading)", f"{why}: Agency"),
        (NOTICE, f"{name}, table 2, row 1, column 2 (no heading)", f"{why}: Member"),
        (NOTICE, f"{name}, table 2, row 2, column 1 (no heading)", f"{why}: Westvale Police"),
        (NOTICE, f"{name}, table 2, row 2, column 2 (no heading)",
         f"{why}: Head of public protection"),
    ]  # fmt: skip
    assert annotations(summary)[0] == (
        f"::notice file=data/inbox/{name}::{name}, table 2, row 1, column 1 (no heading): "
        f"{why}: Agency"
    )
    assert fake.deployed == [repo / "data"]
    assert "### Advice (published as written)" in summary.markdown()


@pytest.mark.parametrize("saved_by", ["twice", "twice-lo"])
def test_a_ref_the_document_uses_twice_is_published_with_advice(
    saved_by: str, uploads: dict[str, Path], starter: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """A number the document uses twice is untidy, not wrong: both actions are published as
    written, and the run says what could be tidied (a notice on the upload)."""
    repo = make_repo(tmp_path, starter)
    plan = plan_file(repo)
    name = f"{plan.stem}.docx"
    upload(repo, uploads[saved_by], name)
    monkeypatch.chdir(repo)
    fake = Recorder()
    summary = publish(repo, fake.tools())
    [finding] = [f for f in plan_findings(summary) if "used twice" in f.message]
    assert (finding.level, finding.file) == (NOTICE, f"data/inbox/{name}")
    assert re.fullmatch(
        rf"data/plans/{plan.name} line \d+, as imported from {re.escape(name)}: action ref "
        r"`1\.1` is used twice in priority `1` \(first on line \d+\); both are published as written, the second "
        r"at `#action-1-1-2`; give each its own ref if the document allows",
        finding.message,
    ), finding.message
    assert [f for f in plan_findings(summary) if f.level == ERROR] == []
    assert fake.deployed == [repo / "data"]


def test_an_upload_with_a_new_name_makes_a_new_plan_and_says_which_the_site_shows(
    uploads: dict[str, Path], starter: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path, starter)
    shown = plan_file(repo)
    upload(repo, uploads["good"], "Online safety plan.docx")
    monkeypatch.chdir(repo)
    summary = publish(repo, Recorder().tools())
    new = "data/plans/online-safety-plan.yml"
    assert summary.imported == [f"Imported Online safety plan.docx into {new} (3 actions)"]
    # the board had only the starter's example plan: the imported plan replaces it, and is shown
    assert [a for a in summary.annotations() if GUIDE not in a] == [
        f"::notice file=data/inbox/Online safety plan.docx::Replaced data/plans/{shown.name}, "
        f"the starter's example plan (never edited), with the imported plan {new}: it is the one "
        "the site shows, and none of the example's words are kept."
    ]
    assert f"data/plans/{shown.name}" not in origin_files(repo)
    assert new in origin_files(repo)


# --- Pango on a GitHub runner ----------------------------------------------------------------


def fake_machine(folder: Path, sudo_works: bool) -> dict[str, str]:
    """A machine without Pango, as a user who is not root: every command the script calls is a
    fake that records what it was asked (no real sudo or apt-get runs)."""
    folder.mkdir()
    log = folder / "ran"
    sudo = f'[ "$*" = "-n true" ] && exit 0\necho "sudo $*" >> {log}\nshift\nexec "$@"'
    scripts = {
        "ldconfig": "exit 0",  # no library found
        "fc-list": "echo DejaVuSans.ttf",  # a font is there
        "id": "echo 1001",
        "apt-get": f'echo "apt-get $*" >> {log}',
        "sudo": sudo if sudo_works else "exit 1",  # sudo that may, or may not
    }
    for name, body in scripts.items():
        (folder / name).write_text(f"#!/bin/bash\n{body}\n", encoding="utf-8")
        (folder / name).chmod(0o755)
    return {"PATH": f"{folder}:/usr/bin:/bin", "HOME": str(folder)}


@pytest.mark.parametrize("sudo_works", [True, False])
def test_install_pdf_libs_uses_sudo_when_not_root(tmp_path: Path, sudo_works: bool) -> None:
    env = fake_machine(tmp_path / "bin", sudo_works)
    done = subprocess.run(
        ["bash", str(ROOT / "scripts" / "install-pdf-libs.sh")],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    ran = tmp_path / "bin" / "ran"
    missing = "libpango-1.0-0 libpangoft2-1.0-0"
    if sudo_works:
        assert (done.returncode, done.stdout) == (0, f"install-pdf-libs: installed {missing}\n")
        assert ran.read_text(encoding="utf-8").splitlines() == [
            f"sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq {missing}",
            f"apt-get install -y -qq {missing}",
        ]
    else:
        assert done.returncode == 1 and not ran.exists()
        assert done.stderr == (
            f"install-pdf-libs: missing {missing}; install them with: sudo apt-get install "
            f"{missing}\n"
        )


def test_two_uploads_for_one_plan_publish_nothing(
    uploads: dict[str, Path], starter: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path, starter)
    plan = plan_file(repo)
    before = plan.read_text(encoding="utf-8")
    upload(repo, uploads["good"], f"{plan.stem} Q2.docx")
    upload(repo, uploads["good"], f"{plan.stem} Q3.docx")
    monkeypatch.chdir(repo)
    fake = Recorder()
    summary = publish(repo, fake.tools())
    assert annotations(summary) == [
        f"::error file=data/inbox/{plan.stem} Q3.docx::{plan.stem} Q2.docx and {plan.stem} "
        f"Q3.docx both update data/plans/{plan.name}: delete the one that is not the latest "
        "from data/inbox/."
    ]
    assert fake.deployed == [] and plan.read_text(encoding="utf-8") == before


@pytest.mark.parametrize("saved_by", ["tracker", "tracker-lo"])
def test_an_excel_upload_names_the_sheet_row_and_column(
    saved_by: str, uploads: dict[str, Path], starter: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    repo = make_repo(tmp_path, starter)
    plan = plan_file(repo)
    (repo / "data" / "inbox" / "plans.yml").write_text(
        f'"Tracker.xlsx":\n  plan: {plan.stem}\n  sheet: Action plan\n', encoding="utf-8"
    )
    upload(repo, uploads[saved_by], "Tracker.xlsx")
    monkeypatch.chdir(repo)
    fake = Recorder()
    summary = publish(repo, fake.tools())
    assert [(f.level, f.place) for f in plan_findings(summary)] == [
        (ERROR, f"Tracker.xlsx, sheet Action plan, row {row}, column 7 ('Budget code')")
        for row in (2, 3, 4)
    ]
    assert fake.deployed == []
