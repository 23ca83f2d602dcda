"""The publish workflows' logic (.github/workflows/*.yml only call this), so that a board's
business manager publishes and updates the site from the browser, with no terminal:

    python scripts/ci_publish.py publish [--before <commit>]
    python scripts/ci_publish.py set-up --name "..." --area "..." [--address https://...]

`publish` imports every Word, Excel or CSV plan uploaded into `<board folder>/inbox/`, checks
the board, builds the site strictly, saves the imported plans back (each upload moved to
`archive/`) and publishes. `set-up` writes a new board as `make new-board` does, then publishes
it. Any problem publishes nothing and leaves the live site as it was. Every problem and piece
of advice becomes an annotation and a line of the run's summary (scripts/ci_findings.py).
The board folder is mkdocs.yml's `data_dir` (PLANSITE_DATA overrides it, as for `make`).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from plansite.load import load_board_data  # noqa: E402
from plansite.new_board import untouched_in_git  # noqa: E402
from plansite.pages.guide_gate import configured_grade, guide_gate  # noqa: E402
from plansite.read.problems import DataError, Problem, ordered  # noqa: E402
from scripts.ci_changes import base_commit, pages_address, site_address, what_changed  # noqa: E402
from scripts.ci_findings import ERROR, NOTICE, Finding, Summary, finding_from_line  # noqa: E402
from scripts.ci_run import ARCHIVE, Run, board_folder, git, restore  # noqa: E402
from scripts.ci_uploads import import_uploads  # noqa: E402

UNEXPECTED = (
    "the workflow stopped on something it did not expect ({error}); nothing was published. "
    "Please send a link to this run to a maintainer."
)

Step = Callable[[Path, Path], "tuple[int, str]"]  # (repository, board folder) -> (exit, log)


def site_build(repo: Path, data: Path) -> tuple[int, str]:
    """`make build`'s command: ProperDocs, strict."""
    env = {**os.environ, "PLANSITE_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(repo / "mkdocs.yml")],
        cwd=repo, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return done.returncode, done.stdout + done.stderr


def gh_pages(repo: Path, data: Path) -> tuple[int, str]:
    """Publish site/ as built, to the gh-pages branch (what `properdocs gh-deploy` does, without
    building a second time)."""
    done = subprocess.run(
        [sys.executable, "-m", "ghp_import", "--no-jekyll", "--push", "--force",
         "--message", "Publish the site", "site"],
        cwd=repo, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return done.returncode, done.stdout + done.stderr


@dataclass
class Tools:
    """The two steps a test fakes: building the site and publishing it."""

    build: Step = site_build
    deploy: Step = gh_pages


# --- the check, the build, saving and publishing -------------------------------------------


def check(run: Run) -> None:
    """What `make check` finds: its problems stop the run, its advice is noted."""
    try:
        site = load_board_data(run.data)
    except DataError as error:
        problems = error.problems
        for problem in ordered([*problems.items, *problems.warnings]):
            _problem(run, ERROR, problem)
        for problem in ordered(problems.advice):
            _problem(run, NOTICE, problem)
        return
    for problem in site.warnings:
        _problem(run, ERROR, problem)
    grade = configured_grade(run.repo / "mkdocs.yml")
    for line in [grade] if isinstance(grade, str) else guide_gate(site, grade):
        found = finding_from_line(ERROR, line)
        run.add(ERROR, found.message, found.file, found.line)
    for problem in ordered(site.advice):
        _problem(run, NOTICE, problem)


def _problem(run: Run, level: str, problem: Problem) -> None:
    full = Path(problem.file) if Path(problem.file).is_absolute() else Path.cwd() / problem.file
    upload = run.written.get(full.resolve())
    if upload is None:
        run.add(level, problem.message, problem.file, problem.line)
    else:  # the plan file exists only in this run: the document is what the manager fixes
        where = f"{run.rel(full)} line {problem.line}, as imported from {upload.name}"
        run.add(level, f"{where}: {problem.message}", upload)


def save(run: Run, message: str) -> None:
    """Commit the board folder (imported plans, uploads moved to archive/) and push it."""
    today = datetime.now(UTC).date()
    for upload in run.uploads:
        archive = run.data / ARCHIVE
        archive.mkdir(exist_ok=True)
        upload.rename(_free_name(archive, f"{today.isoformat()}-{upload.name}"))
    git(run, "add", "-A", "--", run.rel(run.data))
    if not git(run, "diff", "--cached", "--quiet").returncode:
        return  # nothing to save
    committed = git(run, "commit", "--quiet", "-m", message)
    branch = (
        os.environ.get("GITHUB_REF_NAME") or git(run, "branch", "--show-current").stdout.strip()
    )
    pushed = git(run, "push", "--quiet", "origin", f"HEAD:refs/heads/{branch}")
    if committed.returncode or pushed.returncode:
        run.add(ERROR, "the imported plan could not be saved back to the repository (it may "
                "have changed while this ran). Run the workflow again from the Actions tab. "
                f"Git said: {(committed.stderr + pushed.stderr).strip()}")  # fmt: skip


def _free_name(folder: Path, name: str) -> Path:
    path, number = folder / name, 2
    while path.exists():
        path = folder / f"{Path(name).stem}-{number}{Path(name).suffix}"
        number += 1
    return path


def publish_board(run: Run, tools: Tools, save_message: str, before: str) -> Summary:
    """Check, build, save what this run wrote, publish; stop at the first step that fails."""
    if not run.summary.failed:
        check(run)
    if not run.summary.failed:
        code, log = tools.build(run.repo, run.data)
        if code:
            tail = "\n".join(log.strip().splitlines()[-15:])
            run.add(ERROR, f"the site could not be built; nothing was published. The build "
                    f"said:\n{tail}")  # fmt: skip
    if run.summary.failed:
        restore(run)
        return run.summary
    run.summary.changes = what_changed(run, before)
    if save_message:
        save(run, save_message)
    if not run.summary.failed:
        code, log = tools.deploy(run.repo, run.data)
        if code:
            saved = " What was imported is saved; run" if run.uploads else " Run"
            run.add(ERROR, "the site was built but could not be published to GitHub Pages."
                    f"{saved} the workflow again from the Actions tab. Publishing said: "
                    f"{log.strip()[-800:]}")  # fmt: skip
        else:
            run.summary.address = site_address(run)
    return run.summary


def publish(repo: Path, tools: Tools | None = None, before: str = "") -> Summary:
    run = Run(repo, board_folder(repo))
    base = base_commit(run, before)
    import_uploads(run)
    names = ", ".join(u.name for u in run.uploads)
    message = f"Import {names} (uploaded) into the plans" if run.uploads else ""
    return publish_board(run, tools or Tools(), message, base)


def set_up(repo: Path, name: str, area: str, address: str, tools: Tools | None = None) -> Summary:
    """`make new-board` from the workflow's inputs, then publish the new board."""
    run = Run(repo, board_folder(repo))
    address = address.strip() or pages_address()
    for value, field_name in ((name, "name"), (area, "area"), (address, "web address")):
        if not value.strip():
            run.add(ERROR, f"the board's {field_name} is empty: run “Set up this board” again "
                    f"and fill in {field_name}.")  # fmt: skip
    if (run.data / "board.yml").exists() and not example_board(run):
        run.add(ERROR, f"this repository already has a board in {run.rel(run.data)}/: “Set up "
                "this board” runs once, on the example board. Edit board.yml instead (open it "
                "on GitHub and click the pencil).", run.data / "board.yml")  # fmt: skip
    if run.summary.failed:
        return run.summary
    made = subprocess.run(
        [sys.executable, "-m", "plansite", "new-board", "--data", str(run.data),
         "--name", name.strip(), "--area", area.strip(), "--url", address],
        cwd=repo, capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    if made.returncode:
        run.add(ERROR, made.stderr.strip(), run.data / "board.yml")
        return run.summary
    base = git(run, "rev-parse", "HEAD").stdout.strip()
    return publish_board(run, tools or Tools(), f"Set up the board: {name.strip()}", base)


def example_board(run: Run) -> bool:
    """Whether the board folder is still the template's example board: unchanged since the one
    commit a repository made from a template starts with. (`make new-board` replaces any folder
    that is clean in git; from a form, a board the manager set up and edited would be lost.)"""
    commits = git(run, "rev-list", "--count", "HEAD", "--", run.rel(run.data)).stdout.strip()
    return untouched_in_git(run.data) and commits == "1"


# --- the command line ----------------------------------------------------------------------


def report(summary: Summary) -> int:
    """Annotations on stdout (GitHub reads them there), the summary into the run's page."""
    for line in summary.annotations():
        print(line)
    markdown = summary.markdown()
    if target := os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(target, "a", encoding="utf-8") as out:
            out.write(markdown)
    else:
        print(markdown)
    return 1 if summary.failed else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="ci_publish", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("publish")
    run.add_argument("--before", default="")
    setup = commands.add_parser("set-up")
    setup.add_argument("--name", default="")
    setup.add_argument("--area", default="")
    setup.add_argument("--address", default="")
    args = parser.parse_args(argv)
    repo = Path.cwd()
    try:
        if args.command == "publish":
            return report(publish(repo, before=args.before))
        return report(set_up(repo, args.name, args.area, args.address))
    except Exception as error:  # said in words on the run's page, never a traceback
        words = f"{type(error).__name__}: {error}"
        return report(Summary([Finding(ERROR, UNEXPECTED.format(error=words))]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
