"""Reading a data file's bytes as text, with the checks every format shares."""

from __future__ import annotations

import html
import re
from pathlib import Path

from plansite.read.problems import Problems, display_path

MAX_BYTES = 50 * 1024 * 1024  # far above a real board's plan; stops a pasted-in dump
MAX_CONTROL_LINES = 10  # a file full of them is one mistake: name the first few lines

# Characters that are not text: Word's Shift+Enter becomes a vertical tab, a page break a form
# feed; a NUL means a binary file. YAML refuses them and a page would carry them, so they are
# reported with their line. (Tab, new line and carriage return are ordinary.)
# Text-direction controls (embeddings, overrides, isolates) make a title read differently from
# what it says ("Review‮ tnemesirppa" shows reversed): refused with their line, as in imports.
DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
CONTROL_NAMES = {
    "\x00": "a NUL character (the file may not be text)",
    "\x0b": "a vertical tab (from Word's line break, Shift+Enter)",
    "\x0c": "a form feed (from Word's page break)",
    "\u2028": "a line separator",
    "\u2029": "a paragraph separator",
}


def read_text(path: Path, problems: Problems) -> str | None:
    """The file's text, or None after recording why it cannot be read."""
    name = display_path(path)
    if not path.is_file():
        problems.add(name, 1, "file not found; create it (see docs/maintainers/data-format.md)")
        return None
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            problems.add(
                name,
                1,
                f"file is {size // (1024 * 1024)} MB, more than the {MAX_BYTES // (1024 * 1024)} "
                "MB limit; split it or remove what is not plan data",
            )
            return None
        raw = path.read_bytes()
    except OSError as error:
        problems.add(name, 1, f"file cannot be opened ({error.strerror or error}); {_fix(error)}")
        return None
    text = _decode(raw, name, problems)
    if text is None:
        return None
    if not text.strip():
        problems.add(name, 1, "file is empty; add its content or remove the file")
        return None
    if _has_control_characters(text, name, problems) or _has_embedded_files(text, name, problems):
        return None
    return text


# A line longer than this is not prose: a pasted dump, or a file written into the text (the
# pages' HTML parser refuses a text of over 10 MB with a traceback)
MAX_LINE = 1_000_000
# `data:image/png;base64,...`: a whole file written into a link or an image, never published
DATA_ADDRESS = re.compile(r"\bdata:[a-z]+/[a-z0-9.+-]+[;,]", re.IGNORECASE)


def _has_embedded_files(text: str, name: str, problems: Problems) -> bool:
    found = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if match := DATA_ADDRESS.search(line):
            problems.add(name, number, f"`{match.group(0)}…` on this line is a whole file written "
                         "into the text, and is not published; remove it, and link to the "
                         "file's web address instead")  # fmt: skip
        elif len(line) > MAX_LINE:
            problems.add(name, number, f"this line is {len(line):,} characters long, more than "
                         f"the {MAX_LINE:,} a line may hold; split the text into paragraphs or "
                         "remove what is not plan data")  # fmt: skip
        else:
            continue
        found += 1
        if found == MAX_CONTROL_LINES:
            break
    return found > 0


def _fix(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "give yourself permission to read it (or save a fresh copy), then try again"
    return "save a fresh copy of the file and try again"


def _decode(raw: bytes, name: str, problems: Problems) -> str | None:
    try:
        return decode(raw)
    except Undecodable as error:
        problems.add(name, error.line, str(error))
        return None


class Undecodable(Exception):
    """Bytes that are not text in an encoding Plansite reads; the message says which and how
    to save the file, and `line` where the first unreadable character is."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
SAVE_UTF8 = 'save it as UTF-8 (in Excel: Save As, "CSV UTF-8")'


def decode(raw: bytes, fallback: str | None = None) -> str:
    """A file's text: UTF-8 (with or without Excel's byte order mark), or UTF-16 with its byte
    order mark (Excel's "Unicode Text", Notepad's "Unicode"); else `fallback` if given (an older
    Excel's Windows-1252), else Undecodable, naming the encoding and the line."""
    if raw.startswith(UTF16_BOMS):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as error:
            line = raw[: error.start].decode("utf-16", errors="replace").count("\n") + 1
            raise Undecodable(
                line,
                'file is UTF-16 text (Excel\'s "Unicode Text"), but a character on this line '
                f"cannot be read; {SAVE_UTF8}",
            ) from None
    if _utf16_unmarked(raw):
        raise Undecodable(
            1,
            "file is UTF-16 text without the mark at its start that says so (a byte order "
            f"mark), so it cannot be read safely; {SAVE_UTF8}",
        )
    try:
        return raw.decode("utf-8-sig")  # Excel's "CSV UTF-8" starts with a byte order mark
    except UnicodeDecodeError as error:
        if fallback is not None:
            return raw.decode(fallback, errors="replace")
        line = raw[: error.start].count(b"\n") + 1
        raise Undecodable(
            line,
            f"file is not UTF-8 text (a character on this line cannot be read); {SAVE_UTF8}",
        ) from None


def delimiter(text: str) -> str:
    """Excel's "Unicode Text" (UTF-16) separates the columns with tabs, its CSV with commas."""
    header = text.split("\n", 1)[0]
    return "\t" if "\t" in header and "," not in header else ","


def _utf16_unmarked(raw: bytes) -> bool:
    """English text in UTF-16 has a NUL in every other byte: at the odd places (little-endian)
    or the even ones (big-endian). A file of text never has NULs."""
    start = raw[:2000]
    half = len(start) // 2
    if half < 2 or b"\x00" not in start:
        return False
    odd, even = start[1::2].count(0), start[0::2].count(0)
    return max(odd, even) >= 0.8 * half and min(odd, even) <= 0.1 * half


# `&#11;` is a vertical tab too, once a page or a download decodes it
NUMERIC_ENTITY = re.compile(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+);")


def _control_entity(line: str) -> tuple[str, str] | None:
    """The first numeric entity on the line that stands for a control character, and that."""
    for match in NUMERIC_ENTITY.finditer(line):
        digits = match.group(0)[2:-1]
        code = int(digits[1:], 16) if digits[:1] in "xX" else int(digits)
        if code < 0x110000 and CONTROL.match(chr(code)):
            return match.group(0), chr(code)
    return None


def direction_control(text: str) -> str | None:
    """The first text-direction control in `text`, named for an editor; None if it has none."""
    match = DIRECTION.search(text)
    if match is None:
        return None
    return f"an invisible text-direction control (U+{ord(match.group(0)):04X})"


# why a direction control is refused, said after "delete it"
DIRECTION_WHY = "it can make the words around it read differently from what they say"


def direction_shown(text: str) -> str:
    """The text with each direction control written as its code, so it reads as stored."""
    return DIRECTION.sub(lambda m: f"[U+{ord(m.group(0)):04X}]", text)


def _has_control_characters(text: str, name: str, problems: Problems) -> bool:
    if not CONTROL.search(text) and not ("&#" in text and _control_entity(text)):
        return False
    found = 0
    for number, line in enumerate(text.split("\n"), start=1):
        match = CONTROL.search(line)
        entity = None if match or "&#" not in line else _control_entity(line)
        if match is None and entity is None:
            continue
        found += 1
        if found > MAX_CONTROL_LINES:
            break
        written, char = (match.group(0), "") if match else entity or ("", "")
        char = char or written
        what = CONTROL_NAMES.get(char) or direction_control(char)
        what = what or f"a control character (U+{ord(char):04X})"
        if entity:
            what = f"`{written}`, which stands for {what},"
        fix = "delete it (retype the text around it if it looks wrong)"
        if char in "\x0b\x0c\u2028\u2029":
            fix = "replace it with a new line, or a space"
        elif DIRECTION.match(char):
            fix = f"delete it, as {DIRECTION_WHY} (retype them if they look wrong)"
        problems.add(name, number, f"{what} is on this line; {fix}")
    return True


# Pasted from Word or a web page, these look like a space or like nothing, but make a name
# different from the one typed elsewhere: a lead with a non-breaking space matches no subgroup.
SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
INVISIBLE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
UNUSUAL = re.compile(f"{SPACES.pattern}|{INVISIBLE.pattern}")


def unusual_space(text: str) -> str | None:
    """What pasted character `text` has that `plain_name` would change, said for an editor."""
    match = UNUSUAL.search(text)
    if match is None:
        return None
    char = match.group(0)
    if char in "\u00a0\u202f\u2007":
        return "a non-breaking space"
    if SPACES.match(char):
        return "an unusual space"
    if char == "\u00ad":
        return "a hidden hyphen"
    if char in "\u200e\u200f\u061c" or "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return "an invisible text-direction mark"
    return "an invisible zero-width character"


def plain_name(text: str) -> str:
    """A key, ref, id or lead as the editor meant it: ordinary spaces, nothing invisible."""
    cleaned = INVISIBLE.sub("", SPACES.sub(" ", text))
    return " ".join(cleaned.split()) if cleaned != text else text


def pasted_warning(text: str, found: str) -> str:
    return (
        f"`{plain_name(text)}` contains {found} (pasted from Word or a web page?); it was read "
        "without it: retype that part to remove this note"
    )


ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def typed_text(value: str) -> str:
    """`&amp;` pasted from a web page's source means `&`: the site would show it literally.
    Only complete entities (with their `;`) are read."""
    if "&" not in value:
        return value

    def character(match: re.Match[str]) -> str:
        found = html.unescape(match.group(0))
        return found or match.group(0)  # (control characters were refused with their line)

    return ENTITY.sub(character, value)
