"""What the publish workflow tells the board's business manager, where they look: each problem
as a GitHub Actions annotation (`::error file=…,line=…::…`, advice as `::notice`) and a short
table in the run's summary; a published run's summary says what changed and the site's address.
scripts/ci_publish.py collects the findings; this module only words them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ERROR = "error"
NOTICE = "notice"
# `path:line: message` or `path: message`, as `make check` words a problem
PLACED = re.compile(r"^(?P<file>[^\s:]+?)(?::(?P<line>\d+))?: (?P<message>.+)$", re.S)


@dataclass(frozen=True)
class Finding:
    """One problem (an error: nothing is published) or one piece of advice (a notice: published
    as written). `file` is relative to the repository; `place` names a document's table (or
    sheet), row and column when the finding came from an uploaded Word or Excel plan."""

    level: str
    message: str
    file: str = ""
    line: int = 0
    place: str = ""

    def annotation(self) -> str:
        properties = [f"file={_property(self.file)}"] if self.file else []
        if self.file and self.line:
            properties.append(f"line={self.line}")
        head = f"::{self.level} {','.join(properties)}" if properties else f"::{self.level}"
        text = f"{self.place}: {self.message}" if self.place else self.message
        return f"{head}::{_data(text)}"


def finding_from_line(level: str, text: str) -> Finding:
    """A finding from `make check`'s words, keeping its file and line when it names them."""
    if match := PLACED.match(text.strip()):
        return Finding(level, match["message"], match["file"], int(match["line"] or 0))
    return Finding(level, text.strip())


@dataclass
class Summary:
    """The run's summary, in Markdown ($GITHUB_STEP_SUMMARY)."""

    findings: list[Finding] = field(default_factory=list)
    imported: list[str] = field(default_factory=list)  # what each upload became
    changes: list[str] = field(default_factory=list)  # status changes and new updates
    address: str = ""  # the site's address, once published

    @property
    def failed(self) -> bool:
        return any(f.level == ERROR for f in self.findings)

    def annotations(self) -> list[str]:
        return [f.annotation() for f in self.findings]

    def markdown(self) -> str:
        errors = [f for f in self.findings if f.level == ERROR]
        notes = [f for f in self.findings if f.level == NOTICE]
        if errors:
            count = "1 problem" if len(errors) == 1 else f"{len(errors)} problems"
            lines = [
                "## Nothing was published",
                "",
                f"{count} must be fixed first. The site stays as it was.",
                "",
                *_table(errors),
            ]
        else:
            lines = ["## The site is published", ""]
            if self.address:
                lines += [f"Address: <{self.address}>", ""]
            if self.imported:
                lines += [*(f"- {line}" for line in self.imported), ""]
            lines += ["### What changed", ""]
            lines += [f"- {line}" for line in self.changes] or [
                "- No status changes or new updates."
            ]
        if notes:
            heading = "Advice" if errors else "Advice (published as written)"
            lines += ["", f"### {heading}", "", *_table(notes)]
        return "\n".join(lines) + "\n"


def _table(findings: list[Finding]) -> list[str]:
    rows = ["| Where | What to do |", "|---|---|"]
    for f in findings:
        # a document's place starts with its name: the table, row and column say the rest
        where = f.place or f.file + (f" line {f.line}" if f.line else "")
        rows.append(f"| {_cell(where) or 'the run'} | {_cell(f.message)} |")
    return rows


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def _data(text: str) -> str:
    """An annotation's message: GitHub reads %, CR and LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
