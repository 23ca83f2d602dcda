"""Which files in the data folder are read, and why the others are not.

A plan saved as `Plan.YML` or `plan.yml.txt` (Windows hides the ending) would otherwise be left
out without a word; a link to a file elsewhere on the computer could publish it by accident.
"""

from __future__ import annotations

import re
from pathlib import Path

from plansite.read.problems import DataError, Problems, display_path

KNOWN_FILES = {
    "board.yml", "subgroups.yml", "members.csv", "indicators.yml", "indicator_values.csv",
    "indicator_population.csv",
    "planner.yml", "budget.yml", "training.csv", "glossary.yml",
}  # fmt: skip
# schemas/: for editors' autocomplete, never read for the site; pages/: the board's own prose;
# reports/: yearly reports and their chapters
# inbox/ and archive/ hold Word and Excel plans uploaded on GitHub, imported by the publish
# workflow (scripts/ci_publish.py): the board's own, never read as data
UPLOADS = frozenset({"inbox", "archive"})
FOLDERS = {"plans", "schemas", "pages", "reports", *UPLOADS}
# a logo or other image the board names in board.yml: read when named, never a data file
IMAGES = (".png", ".svg", ".jpg", ".jpeg", ".gif", ".webp")
# Not the editor's files: Office and LibreOffice lock files, hidden files, Windows' thumbnails,
# plans/.previous/ (the plans `make import FORCE=1` replaced)
# (a plan named `..yml` is not hidden: it is read, and its id refused)
QUIET = re.compile(
    r"^(~\$|\.~lock\.|\._)|^(\.ds_store|thumbs\.db|desktop\.ini|\.git\w*|\.previous)$",
    re.IGNORECASE,
)
DATA_ENDINGS = (".yml", ".yaml", ".csv")


def data_files(data_dir: Path, problems: Problems) -> set[Path]:
    """Report what in the folder is not read, and why; the links refused are returned."""
    if not data_dir.is_dir():
        problems.add(display_path(data_dir), 1, "data folder not found; check DATA=<folder>")
        raise DataError(problems)
    root = data_dir.resolve()
    refused: set[Path] = set()
    for path in _listing(data_dir, problems):
        if _linked_outside(path, root, problems):
            refused.add(path)
        elif path.is_dir():
            if path.name not in FOLDERS and _holds_data(path):
                problems.advise(display_path(path), 1, "this folder is not read: only plans/, "
                                "pages/ and reports/ are; move it out of the data folder")  # fmt: skip
        else:
            meant = _top_level_file(path, problems)
            if (
                meant and not (data_dir / meant).exists()
            ):  # reported here: "file not found" for it would only repeat it
                refused.add(data_dir / meant)
    plans = data_dir / "plans"
    if plans.is_dir():
        for path in _listing(plans, problems):
            if _linked_outside(path, root, problems):
                refused.add(path)
            elif path.suffix != ".yml" or path.is_dir():
                _plan_folder_entry(path, problems)
    for name in ("pages", "reports"):  # read by their own readers: a link out fails the check
        folder = data_dir / name
        if folder.is_dir() and not folder.is_symlink():
            for path in sorted(folder.rglob("*")):
                if _linked_outside(path, root, problems):
                    refused.add(path)
    return refused


def _holds_data(folder: Path) -> bool:
    """A folder of images (a logo) is the board's; one with data files may be a mistake."""
    try:
        return any(p.suffix.lower() in (*DATA_ENDINGS, ".md") for p in folder.rglob("*"))
    except OSError:
        return True


def plan_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.glob("*.yml")
        if (p.is_file() or p.is_symlink()) and not QUIET.search(p.name)
    )


def _listing(folder: Path, problems: Problems) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if not QUIET.search(p.name))
    except OSError as error:
        problems.add(
            display_path(folder),
            1,
            f"folder cannot be opened ({error.strerror or error}); "
            "give yourself permission to read it, then try again",
        )
        return []


def _linked_outside(path: Path, root: Path, problems: Problems) -> bool:
    if not path.is_symlink():
        return False
    target = path.resolve()
    if target == root or root in target.parents:
        return False
    problems.add(
        display_path(path),
        1,
        "is a link to a file outside the data folder, which would be published; "
        "copy the file into the data folder instead of linking to it",
    )
    return True


def _top_level_file(path: Path, problems: Problems) -> str | None:
    """The known file a misnamed file was meant to be, after saying why it is not read."""
    name = path.name
    if name in KNOWN_FILES or name.lower().endswith(IMAGES):
        return None
    meant = _meant(name, KNOWN_FILES)
    if meant:
        _not_read(
            path, f"rename it to `{meant}` (the data files are read only by that name)", problems
        )
    elif name.lower().endswith(DATA_ENDINGS):
        known = ", ".join(sorted(KNOWN_FILES))
        problems.add(display_path(path), 1, f"unknown data file `{name}`; the files are: {known}")
    else:
        problems.advise(
            display_path(path),
            1,
            "is not read: only the data files and plans/ are; move it out of the data folder",
        )
    return meant


def _plan_folder_entry(path: Path, problems: Problems) -> None:
    lower = path.name.lower()
    for ending in (".yml", ".yaml", ".yml.txt", ".yaml.txt"):
        if lower.endswith(ending) and not path.is_dir():
            stem = path.name[: -len(ending)]
            _not_read(
                path, f"rename it to `{stem}.yml` (plans are read only from .yml files)", problems
            )
            return
    problems.advise(
        display_path(path), 1, "is not read: only .yml files are plans; move it out of plans/"
    )


def _meant(name: str, known: set[str]) -> str | None:
    """The known file a wrongly spelt name is meant to be: `Board.YML`, `members.csv.txt`."""
    lower = name.lower().removesuffix(".txt").replace(".yaml", ".yml")
    return lower if lower in known else None


def _not_read(path: Path, fix: str, problems: Problems) -> None:
    problems.add(display_path(path), 1, f"`{path.name}` is not read: {fix}")


def stamp(path: Path) -> tuple[int, int]:
    """A file's modification time and size: a cache of what the file holds keys on it, so an
    edit under `make serve` is read by the next rebuild (0, 0: no such file)."""
    try:
        found = path.stat()
    except OSError:
        return (0, 0)
    return (found.st_mtime_ns, found.st_size)
