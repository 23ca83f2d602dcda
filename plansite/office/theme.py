"""The workbook's own theme colours.

A fill picked from the theme row of Excel's (or LibreOffice's) colour menu is stored as a theme
slot, not a colour: "accent 6, lighter 40%". What it looks like depends on the theme saved in the
workbook (`xl/theme/theme1.xml`), and LibreOffice saves its own theme, whose accent 6 is not
Office's. So the slots are read from the file; Office's default theme stands in only when the
file has no theme or a damaged one.
"""

from __future__ import annotations

from xml.etree import ElementTree

# Office's default theme, in the order a cell's theme index counts them (lt1, dk1, lt2, dk2,
# accent1-6): the order differs from the theme file's own (dk1, lt1, dk2, lt2, ...)
OFFICE_THEME = ("ffffff", "000000", "e7e6e6", "44546a", "4472c4", "ed7d31", "a5a5a5", "ffc000",
                "5b9bd5", "70ad47")  # fmt: skip
SLOTS = ("lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5",
         "accent6")  # fmt: skip
DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def theme_colours(theme_xml: bytes | None) -> tuple[str, ...]:
    """The ten theme slots as "rrggbb", from the workbook's theme part."""
    if not theme_xml:
        return OFFICE_THEME
    try:
        root = ElementTree.fromstring(theme_xml)
    except ElementTree.ParseError:
        return OFFICE_THEME
    scheme = root.find(f".//{DRAWING}clrScheme")
    if scheme is None:
        return OFFICE_THEME
    return tuple(
        _slot(scheme.find(f"{DRAWING}{slot}")) or default
        for slot, default in zip(SLOTS, OFFICE_THEME, strict=True)
    )


def _slot(element: ElementTree.Element | None) -> str | None:
    if element is None:
        return None
    for child in element:
        # a system colour (window text, window background) keeps the colour it last had
        value = child.get("val") if child.tag == f"{DRAWING}srgbClr" else child.get("lastClr")
        if value and len(value) == 6:
            try:
                int(value, 16)
            except ValueError:
                return None
            return value.lower()
    return None
