"""Problems found in the data, collected so that every one is reported in a single run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# Stages of a problem: what is wrong inside one file is a cause, and is listed before what
# checks between files found (which may only be a consequence of the cause).
IN_FILE = 0
BETWEEN_FILES = 1


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place: `data/<file>:<line>: <what is wrong, and the fix>`."""

    file: str
    line: int
    message: str
    stage: int = field(default=IN_FILE, compare=False)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class Problems:
    """Collects problems across all files; the build fails once, listing them all.

    Warnings do not stop `make check` from reading on; a strict build stops on them, so
    `make check` fails on them too. Advice is only printed."""

    items: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # a strict build stops on these
    advice: list[Problem] = field(default_factory=list)  # the build goes on: only noted

    def add(self, file: str, line: int | None, message: str, stage: int = IN_FILE) -> None:
        self.items.append(Problem(file, line or 1, message, stage))

    def warn(self, file: str, line: int | None, message: str) -> None:
        self.warnings.append(Problem(file, line or 1, message))

    def advise(self, file: str, line: int | None, message: str) -> None:
        self.advice.append(Problem(file, line or 1, message))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def report(self) -> str:
        """Causes first (problems inside a file), then what checks between files found."""
        # a warning stops a strict build as surely: it is listed, and counted, as a problem
        lines = [str(p) for p in [*ordered(self.items), *ordered(self.warnings)]]
        noun = "problem" if len(lines) == 1 else "problems"
        noted = [f"{a} (advice)" for a in ordered(self.advice)]
        return "\n".join(
            [*lines, *noted, f"{len(lines)} {noun} found in the data; nothing was published."]
        )


def strict_report(lines: list[str], advice: list[Problem]) -> str:
    """What `make check` says of data a strict build would stop on (warnings), with the advice
    that does not stop it."""
    noun, them = ("problem", "it") if len(lines) == 1 else ("problems", "them")
    return "\n".join(
        [
            *lines,
            *(f"{a} (advice)" for a in advice),
            f"{len(lines)} {noun} found in the data; `make build` (strict) would stop on {them}.",
        ]
    )


def ordered(problems: list[Problem]) -> list[Problem]:
    """Each problem once, causes first, then by file and line."""
    unique = {(p.file, p.line, p.message): p for p in problems}.values()
    return sorted(unique, key=lambda p: (p.stage, p.file, p.line, p.message))


class DataError(Exception):
    """Raised once, after loading, when the data has problems."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        super().__init__(problems.report())


def display_path(path: Path) -> str:
    """The path as the editor knows it: relative to the working folder when it is inside it."""
    try:
        return path.absolute().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        try:
            return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            return path.as_posix()
