"""The board's logo, read before it is published: its bytes must be the image its name says,
and an SVG (a program as much as a picture) must hold nothing that runs or fetches.
Opened directly, an SVG on the site runs in the site's own origin."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".webp": (b"RIFF",),
}
SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
RUNS = {"script", "foreignObject", "iframe", "embed", "object", "handler", "listener"}
MAX_BYTES = 1_000_000  # a logo is small; a bigger file is a mistake, or a page of data URIs


def logo_problem(path: Path) -> str:
    """Why this file cannot be published as the logo ("" when it can), and the fix."""
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        return f"is {len(data):,} bytes; a logo must be under {MAX_BYTES:,}: export it smaller"
    suffix = path.suffix.lower()
    if suffix == ".svg":
        return _svg_problem(data)
    if not data.startswith(SIGNATURES[suffix]) or (suffix == ".webp" and data[8:12] != b"WEBP"):
        return (
            f"is not a {suffix[1:].upper()} image (its bytes say otherwise); export the logo as one"
        )
    return ""


def _svg_problem(data: bytes) -> str:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        return f"is not an SVG image that can be read ({error.msg}); export it again as SVG"
    if root.tag != f"{SVG}svg":
        return "is not an SVG image (its first element is not <svg>); export it again as SVG"
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # a comment or processing instruction
        name = etree.QName(element).localname
        line = f"(line {element.sourceline} of the file)"
        if name in RUNS:
            return f"holds a <{name}> {line}, which would run on the site; export the logo as a plain image"
        for attribute, value in element.attrib.items():
            local = etree.QName(attribute).localname.lower()
            if local.startswith("on"):
                return f"has an `{local}` handler {line}, which would run on the site; remove it"
            if attribute in ("href", XLINK_HREF) and not value.startswith("#"):
                return f"refers to `{value[:60]}` {line}; a logo must hold everything it shows"
            if "url(" in value and "url(#" not in value.replace(" ", ""):
                return f"refers to an outside file in `{local}` {line}; a logo must hold everything it shows"
    return ""
