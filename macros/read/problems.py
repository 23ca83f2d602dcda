"""Problems found in the data, collected so that every one is reported in a single run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place: `data/<file>:<line>: <what is wrong, and the fix>`."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class Problems:
    """Collects problems across all files; the build fails once, listing them all."""

    items: list[Problem] = field(default_factory=list)

    def add(self, file: str, line: int | None, message: str) -> None:
        self.items.append(Problem(file, line or 1, message))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def report(self) -> str:
        lines = [str(p) for p in sorted(set(self.items), key=_order)]
        noun = "problem" if len(lines) == 1 else "problems"
        return "\n".join([*lines, f"{len(lines)} {noun} found in the data; nothing was published."])


def _order(problem: Problem) -> tuple[str, int, str]:
    return (problem.file, problem.line, problem.message)


class DataError(Exception):
    """Raised once, after loading, when the data has problems."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        super().__init__(problems.report())


def display_path(path: Path) -> str:
    """The path as the editor knows it: relative to the working folder when it is inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
