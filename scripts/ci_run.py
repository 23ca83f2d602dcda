"""One run of the publish workflows (scripts/ci_publish.py): the repository, the board folder,
what the run found and what it wrote, so that a run that fails puts the folder back as it was."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from plansite.read.board_folder import named_folder
from scripts.ci_findings import Finding, Summary

INBOX, ARCHIVE = "inbox", "archive"
BOT = ["-c", "user.name=github-actions[bot]",
       "-c", "user.email=41898282+github-actions[bot]@users.noreply.github.com"]  # fmt: skip


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
    config = repo / "mkdocs.yml"
    config.stat()  # no mkdocs.yml: not a site's repository (FileNotFoundError, said in words)
    return repo / named_folder(config)


def git(run: Run, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *BOT, *args], cwd=run.repo, capture_output=True, text=True, check=False
    )


def restore(run: Run) -> None:
    """A run that publishes nothing leaves the board folder as it found it."""
    for target, before in run.originals.items():
        if before is None:
            target.unlink(missing_ok=True)
        else:
            target.write_bytes(before)
