"""`plansite new-board` (`make new-board`): a starter board that builds at once.

Writes board.yml and one plan with three example actions, every field explained in a comment,
plus the JSON Schema files editors use to autocomplete. Asks for the board's name, area and web
address unless they are given (--name, --area, --url). Replaces the example board only as a fresh
clone has it (unchanged in git, so nothing is lost); never overwrites any other board.yml.
In a folder with no site yet (no mkdocs.yml), it first writes the starter site: the settings
file and the narrative pages with their scripts, styles and images (plansite/starter_site/).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from plansite.read.board_folder import name_folder, named_folder
from plansite.schemas import write_schemas
from plansite.starter import plan_yml

STARTER_SITE = Path(__file__).resolve().parent / "starter_site"

WEB_ADDRESS = re.compile(r"https://[a-z0-9.\-]+\.[a-z]{2,}(/[^\s\"'<>]*)?")


def q(text: str) -> str:
    """A YAML string: JSON's quoting is YAML's, so any name is written safely."""
    return json.dumps(text, ensure_ascii=False)


def short_name(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[:1].isupper())


def board_yml(name: str, area: str, url: str) -> str:
    return f"""# yaml-language-server: $schema=schemas/board.schema.json
# The board: who you are. Only `name` is required; every other field may be left out.
# See docs/maintainers/data-format.md for every field.

name: {q(name)}                    # the board's full name: the site's title on every page
short_name: {q(short_name(name))}  # a short name for calendars and small spaces
area: {q(area)}                    # the place the board covers
site_url: {q(url)}                 # where the site is published; `make deploy` uses its domain
colour: "#1d3f6e"                  # brand colour for the header (white text must read on it)
# logo: logo.svg                   # a logo file put in this folder (svg, png, jpg or webp)

# One or two sentences: the first thing on the home page.
vision: Every child in {area} grows up safe and gets help as soon as they need it.

# objectives:                      # what the partnership is for, one line each
#   - Bring partners together to plan and check their safeguarding work.
# functions:                       # what the partnership does, one line each
#   - Publish a yearly report on how well children are kept safe.

contact:                           # shown on the accessibility statement and the guide
  email: safeguarding@example.org  # replace with your own
  # phone: 01632 960 000
  # address: County Hall, Market Street
  # website: https://www.example.org   # the board's main website

# meeting_months: [Jan, Mar, May, Jul, Sep, Nov]   # board meetings, for the reporting planner

young_people:                      # the young people's guide
  about: We are a group of adults who help keep children in {area} safe.
  age_range: "8 to 17"             # who the guide is written for
  # shaped_by: How young people helped to make the plan.
"""


INBOX_README = """# Inbox: next quarter's plan, uploaded

Upload the plan you keep in Word or Excel here (on GitHub: Add file, then Upload files, then
Commit changes). The "Publish the site" workflow imports it into `plans/`, moves it to
`archive/` and publishes the site. A file named like a plan in `plans/` (for example
`business-plan-2025-28 Q3.docx`) updates that plan; any other name starts a new plan.

To say which plan a file updates, or which sheet or columns to read, add `plans.yml` here:

```yaml
"Action tracker.xlsx":
  plan: business-plan-2025-28
  sheet: Action plan        # optional: the sheet to read
  map: columns.yml          # optional: a mapping file in this folder, as below
```

A mapping file names the columns whose headings the import does not know (or takes wrongly),
each as it is written in the document, with `ignore` for a column to leave out:

```yaml
columns:
  "Key contact": leads
  "Budget code": ignore
```

When the upload cannot be imported, nothing is published: the run on the Actions tab lists
each problem by table, row and column. Fix the document and upload it again with the same name.
"""


def ask(value: str, question: str) -> str:
    while not value.strip():
        value = input(question)
    return value.strip()


def untouched_in_git(folder: Path) -> bool:
    """Whether `folder` is exactly as git has it (the example board of a fresh clone): only then
    may a new board replace it. Anything edited, added or untracked, or no git: never."""

    def git(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["git", "-C", str(folder), *command], capture_output=True, text=True, check=False
        )

    try:
        tracked = git("ls-files", "--error-unmatch", "board.yml").returncode == 0
        changed = git("status", "--porcelain", "--untracked-files=all", "--ignored", "--", ".")
    except OSError:  # no git on this machine
        return False
    return tracked and changed.returncode == 0 and changed.stdout.strip() == ""


def new_board(folder: Path, name: str, area: str, url: str, config: Path) -> int:
    """Write the starter board into `folder` (and the starter site beside `config`, when there is
    no site yet); 0 when done, 1 with the reason in words when nothing was written."""
    new_site = not config.exists()
    if new_site and (problem := site_in_the_way(config)):
        print(problem, file=sys.stderr)
        return 1
    replacing = (folder / "board.yml").exists()
    if replacing and not untouched_in_git(folder):
        print(
            f"{folder / 'board.yml'} already exists: make new-board never overwrites a board. "
            "Write the new board into another folder (make new-board DATA=<folder>), or remove "
            f"{folder} first.",
            file=sys.stderr,
        )
        return 1
    name = ask(name, "The board's name (e.g. Eastmoor Safeguarding Children Partnership): ")
    area = ask(area, "The area it covers (e.g. Eastmoor): ")
    url = ask(url, "The site's web address (e.g. https://plans.eastmoor-scp.org.uk/): ")
    if not url.endswith("/"):
        url += "/"
    if not WEB_ADDRESS.fullmatch(url):
        print(
            f"URL={url} is not a web address: write it starting https://, in lower case, e.g. "
            "https://plans.eastmoor-scp.org.uk/",
            file=sys.stderr,
        )
        return 1
    today = date.today()
    start = today.year if today.month >= 4 else today.year - 1  # the financial year
    plan_id = f"business-plan-{start}-{str(start + 3)[-2:]}"
    if new_site:  # only now: a wrong answer above leaves the folder as it was
        write_site(config)
    if replacing:
        # the example board as cloned: nothing of the editor's is lost, git keeps it
        shutil.rmtree(folder)
        print(
            f"Replaced the example board in {folder}; `git checkout HEAD -- {folder}` brings it back."
        )
    (folder / "plans").mkdir(parents=True, exist_ok=True)
    (folder / "inbox").mkdir(exist_ok=True)
    (folder / "inbox" / "README.md").write_text(INBOX_README, encoding="utf-8")
    (folder / "board.yml").write_text(board_yml(name, area, url), encoding="utf-8")
    (folder / "plans" / f"{plan_id}.yml").write_text(
        plan_yml(plan_id, start, today), encoding="utf-8"
    )
    write_schemas(folder / "schemas")
    named = _name_in_config(folder, config)
    if new_site:  # a site of its own, outside Plansite's repository: no Makefile
        data = "" if named else f" --data {folder}"
        check, serve = f"plansite check{data}", f"plansite serve{data}"
    else:
        data = "" if named else f" DATA={folder}"
        check, serve = f"make check{data}", f"make serve{data}"
    print(
        f"Wrote {folder / 'board.yml'} and {folder / 'plans' / (plan_id + '.yml')}. "
        f"Next: edit them, then `{check}` and `{serve}`."
    )
    return 0


def _name_in_config(folder: Path, config: Path) -> bool:
    """Name the new board's folder in mkdocs.yml (`data_dir`), so that every make command and
    the publishing workflow use it without DATA=; only a folder inside the site's own folder
    (a folder elsewhere is not published from here: it is named with DATA= each time)."""
    try:
        inside = folder.resolve().relative_to(config.resolve().parent).as_posix()
    except ValueError:
        return False
    if inside == named_folder(config):
        return True
    if not name_folder(inside, config):
        return False
    print(f"Named {inside} as the board's folder in {config.name} (`data_dir`): every make "
          "command uses it; DATA=<folder> still names another for one command.")  # fmt: skip
    return True


def site_in_the_way(config: Path) -> str:
    """Why the starter site cannot be written beside `config`: a docs/ folder already there (it
    is never overwritten); empty when nothing is in the way."""
    docs = config.parent / "docs"
    if not docs.exists():
        return ""
    return (
        f"{docs} already exists but {config} does not: new-board writes a new site only into a "
        "folder without one. Run it in an empty folder, or name the site's settings file with "
        "--config <file>."
    )


def write_site(config: Path) -> None:
    """The starter site beside `config`: the settings file and docs/, Plansite's narrative
    pages with their scripts, stylesheets and images."""
    docs = config.parent / "docs"
    config.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(STARTER_SITE / "mkdocs.yml", config)
    shutil.copytree(STARTER_SITE / "docs", docs, ignore=shutil.ignore_patterns("__pycache__"))
    print(f"Wrote the site's settings ({config}) and its pages ({docs}).")
