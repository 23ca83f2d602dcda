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
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from macros.load import load_board_data  # noqa: E402
from macros.pages.guide_gate import guide_gate  # noqa: E402
from macros.read.office.__main__ import Stop, current_elsewhere, import_plan  # noqa: E402
from macros.read.office.changes import compare  # noqa: E402
from macros.read.office.words import MESSAGES, WHY  # noqa: E402
from macros.read.problems import DataError, Problem, ordered  # noqa: E402
from scripts.ci_findings import ERROR, NOTICE, Finding, Summary, finding_from_line  # noqa: E402

INBOX, ARCHIVE = "inbox", "archive"
INBOX_MAP = "plans.yml"  # which plan an upload updates, when its name does not say
NOT_UPLOADS = {INBOX_MAP, "readme.md", ".gitkeep"}
# cells the import leaves out that are no part of the plan's tables: advice, not a stop
OUTSIDE_PLAN = {"not_a_plan_table", "before_header"}
BOT = ["-c", "user.name=github-actions[bot]",
       "-c", "user.email=41898282+github-actions[bot]@users.noreply.github.com"]  # fmt: skip
UPLOAD_AGAIN = (
    "Fix the document and upload it again with the same name (it replaces this one), or "
    "delete it from {inbox}."
)

# a column the import did not take: the mapping file names it (or says to leave it out)
COLUMN_WHY = {"no_column", "duplicate_column"}
COLUMN_FIX = (
    "Give the column a heading the import knows, or name it in a mapping file (`map:` in the "
    "inbox's plans.yml, as {readme} shows; `ignore` leaves it out), and upload the document again."
)
UNEXPECTED = (
    "the workflow stopped on something it did not expect ({error}); nothing was published. "
    "Please send a link to this run to a maintainer."
)

Step = Callable[[Path, Path], "tuple[int, str]"]  # (repository, board folder) -> (exit, log)


def mkdocs_build(repo: Path, data: Path) -> tuple[int, str]:
    env = {**os.environ, "PLANSITE_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=repo, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return done.returncode, done.stdout + done.stderr


def gh_pages(repo: Path, data: Path) -> tuple[int, str]:
    """Publish site/ as built, to the gh-pages branch (what `mkdocs gh-deploy` does, without
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

    build: Step = mkdocs_build
    deploy: Step = gh_pages


@dataclass
class Run:
    repo: Path
    data: Path
    summary: Summary = field(default_factory=Summary)
    written: dict[Path, Path] = field(default_factory=dict)  # plan file -> the upload it is from
    originals: dict[Path, bytes | None] = field(default_factory=dict)  # to put back on failure
    uploads: list[Path] = field(default_factory=list)

    def rel(self, path: str | Path) -> str:
        """A path as the repository names it (what an annotation's `file=` needs)."""
        full = Path(path) if Path(path).is_absolute() else Path.cwd() / path
        try:
            return full.resolve().relative_to(self.repo.resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()

    def add(self, level: str, message: str, file: str | Path = "", line: int = 0,
            place: str = "") -> None:  # fmt: skip
        self.summary.findings.append(
            Finding(level, message, self.rel(file) if file else "", line, place)
        )


def board_folder(repo: Path) -> Path:
    """mkdocs.yml's `data_dir`: the board folder is named once (PLANSITE_DATA overrides)."""
    if named := os.environ.get("PLANSITE_DATA"):
        return repo / named

    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may hold MkDocs' own tags (!ENV, !!python/name): read past them
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((repo / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("plansite"), dict):
            return repo / str(plugin["plansite"].get("data_dir") or "data")
    return repo / "data"


# --- uploads -------------------------------------------------------------------------------


def inbox_map(run: Run, inbox: Path) -> dict[str, dict[str, str]]:
    """inbox/plans.yml: `"<file name>": <plan id>`, or `plan:`, `sheet:` and `map:` (a mapping
    file in the inbox, as PLAN_MAP= names one) under the file's name."""
    path = inbox / INBOX_MAP
    if not path.is_file():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", 0) + 1
        run.add(ERROR, f"this file cannot be read as YAML ({error}); check its quotes and "
                "indentation.", path, line)  # fmt: skip
        return {}
    entries: dict[str, dict[str, str]] = {}
    for name, value in data.items() if isinstance(data, dict) else []:
        if isinstance(value, str):
            entries[name] = {"plan": value}
        elif isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
            entries[name] = value
        else:
            run.add(ERROR, f"`{name}`: write the plan's id after the file's name "
                    f'("{name}": business-plan-2025-28), or plan:, sheet: and map: under it.',
                    path)  # fmt: skip
    return entries


def plan_id_for(upload: Path, data: Path) -> str:
    """The plan an upload updates: the plan whose id its name starts with (business-plan-2025-28
    Q3.docx updates business-plan-2025-28), else a new plan named after the file."""
    slug = re.sub(r"[^a-z0-9]+", "-", upload.stem.lower()).strip("-")
    known = sorted((p.stem for p in (data / "plans").glob("*.yml")), key=len, reverse=True)
    return next((k for k in known if slug == k or slug.startswith(k + "-")), slug)


def import_uploads(run: Run) -> None:
    inbox = run.data / INBOX
    if not inbox.is_dir():
        return
    entries = inbox_map(run, inbox)
    again = UPLOAD_AGAIN.format(inbox=run.rel(inbox) + "/")
    readme = run.rel(inbox / "README.md")
    for upload in sorted(inbox.iterdir()):
        if upload.is_dir() or upload.name.lower() in NOT_UPLOADS or upload.name[:1] in ".~":
            continue
        entry = entries.get(upload.name, {})
        plan_id = entry.get("plan") or plan_id_for(upload, run.data)
        target = run.data / "plans" / f"{plan_id}.yml"
        if target not in run.originals:
            run.originals[target] = target.read_bytes() if target.is_file() else None
        plan_map = inbox / entry["map"] if entry.get("map") else None
        run.uploads.append(upload)
        try:
            outcome, _, target = import_plan(
                upload, plan_id, run.data, True, plan_map, entry.get("sheet")
            )
        except Stop as stop:
            message = str(stop).removeprefix(f"{upload}: ")
            run.add(ERROR, f"{message} {again}", upload)
            continue
        except Exception as error:  # a shape nobody foresaw: said in words, never a traceback
            words = MESSAGES["unexpected"].format(
                file=upload.name, error=f"{type(error).__name__}: {error}"
            )
            run.add(ERROR, words, upload)
            continue
        run.written[target.resolve()] = upload
        for cell in outcome.unplaced:
            heading = f"'{cell.heading}'" if cell.heading else "no heading"
            place = f"{upload.name}, {cell.table}, row {cell.row}, column {cell.column} ({heading})"
            text = cell.text if len(cell.text) <= 70 else cell.text[:69] + "…"
            if cell.why in OUTSIDE_PLAN:
                run.add(NOTICE, f"not in the plan: {WHY[cell.why]}: {text}", upload, 0, place)
            else:
                fix = COLUMN_FIX.format(readme=readme) if cell.why in COLUMN_WHY else again
                run.add(ERROR, f"this cell would be left out of the plan: {WHY[cell.why]}: "
                        f"{text}. {fix}", upload, 0, place)  # fmt: skip
        if shown := current_elsewhere(target):  # a new plan the site does not show first
            run.add(NOTICE, MESSAGES["not_current"].format(
                current=run.rel(shown), target=run.rel(target)), upload)  # fmt: skip
        actions = outcome.count("actions")
        noun = "action" if actions == 1 else "actions"
        run.summary.imported.append(
            f"Imported {upload.name} into {run.rel(target)} ({actions} {noun})"
        )


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
    for line in guide_gate(site):
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


def git(run: Run, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *BOT, *args], cwd=run.repo, capture_output=True, text=True, check=False
    )


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


def restore(run: Run) -> None:
    """A run that publishes nothing leaves the board folder as it found it."""
    for target, before in run.originals.items():
        if before is None:
            target.unlink(missing_ok=True)
        else:
            target.write_bytes(before)


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
            run.add(ERROR, f"the site was built but could not be published to GitHub Pages. "
                    f"Publishing said: {log.strip()[-800:]}")  # fmt: skip
        else:
            run.summary.address = site_address(run)
    return run.summary


def publish(repo: Path, tools: Tools | None = None, before: str = "") -> Summary:
    run = Run(repo, board_folder(repo))
    base = _base(run, before)
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
    if run.summary.failed:
        return run.summary
    made = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "new_board.py"), "--data", str(run.data),
         "--name", name.strip(), "--area", area.strip(), "--url", address],
        cwd=repo, capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    if made.returncode:
        run.add(ERROR, made.stderr.strip(), run.data / "board.yml")
        return run.summary
    base = git(run, "rev-parse", "HEAD").stdout.strip()
    return publish_board(run, tools or Tools(), f"Set up the board: {name.strip()}", base)


# --- what the summary says once published --------------------------------------------------


def _base(run: Run, before: str) -> str:
    """The commit this push started from: what changed is counted from it."""
    if before and set(before) != {"0"}:
        return before
    return git(run, "rev-parse", "--verify", "--quiet", "HEAD~1").stdout.strip()


def what_changed(run: Run, base: str) -> list[str]:
    """Status changes and new updates, plan by plan, since `base` (as the What changed page
    words them: an action's ref, its status before and after)."""
    lines: list[str] = []
    for path in sorted((run.data / "plans").glob("*.yml")):
        after = _plan(path.read_text(encoding="utf-8"))
        title = str(after.get("title") or path.stem)
        shown = git(run, "show", f"{base}:{run.rel(path)}") if base else None
        if shown is None or shown.returncode:
            lines.append(f"New plan: {title}")
            continue
        changes = compare(_plan(shown.stdout), after)
        labels = {str(s.get("key")): str(s.get("label") or s.get("key"))
                  for s in after.get("statuses") or [] if isinstance(s, dict)}  # fmt: skip
        lines += [f"{title}: {_action(ref)} added" for ref in changes.added]
        lines += [f"{title}: {_action(ref)} removed" for ref in changes.removed]
        lines += [
            f"{title}: {_action(ref)} changed from {labels.get(old, old)} to {labels.get(new, new)}"
            for ref, old, new in changes.statuses
        ]
        lines += [
            f"{title}: {_action(ref)} has {n} new update{'s' if n > 1 else ''}"
            for ref, n in changes.new_updates
        ]
    return lines


def _action(name: str) -> str:
    """compare() names an action `<priority ref>: <action ref>`: "action 1.2", or "priority 2,
    action 3" where the action's ref does not carry its priority's."""
    priority, _, action = name.partition(": ")
    if not action or action.startswith(priority):
        return f"action {action or name}"
    return f"priority {priority}, action {action}"


def _plan(text: str) -> dict[str, Any]:
    try:
        found = yaml.load(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError:
        return {}
    return found if isinstance(found, dict) else {}


def pages_address() -> str:
    """The GitHub Pages address of the repository this runs in."""
    owner, _, name = os.environ.get("GITHUB_REPOSITORY", "").lower().partition("/")
    if not name:
        return ""
    return (
        f"https://{owner}.github.io/"
        if name == f"{owner}.github.io"
        else (f"https://{owner}.github.io/{name}/")
    )


def site_address(run: Run) -> str:
    board = _plan((run.data / "board.yml").read_text(encoding="utf-8"))
    return str(board.get("site_url") or pages_address())


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
