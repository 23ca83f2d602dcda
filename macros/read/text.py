"""Reading a data file's bytes as text, with the checks every format shares."""

from __future__ import annotations

from pathlib import Path

from macros.read.problems import Problems, display_path

MAX_BYTES = 50 * 1024 * 1024  # far above a real board's plan; stops a pasted-in dump


def read_text(path: Path, problems: Problems) -> str | None:
    """The file's text, or None after recording why it cannot be read."""
    name = display_path(path)
    if not path.is_file():
        problems.add(name, 1, "file not found; create it (see docs/maintainers/data-format.md)")
        return None
    size = path.stat().st_size
    if size > MAX_BYTES:
        problems.add(
            name,
            1,
            f"file is {size // (1024 * 1024)} MB, more than the {MAX_BYTES // (1024 * 1024)} MB "
            "limit; split it or remove what is not plan data",
        )
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")  # Excel's "CSV UTF-8" starts with a byte order mark
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.add(
            name,
            line,
            "file is not UTF-8 text (a character on this line cannot be read); "
            'save it as UTF-8 (in Excel: Save As, "CSV UTF-8")',
        )
        return None
    if not text.strip():
        problems.add(name, 1, "file is empty; add its content or remove the file")
        return None
    return text
