"""A chart's title and description, which screen readers announce, added to its drawing.

The drawing (plansite/render/charts.py) depends only on the figures, the axis and the layout;
the words around it differ between the places that show the same chart (an indicator's page
and the yearly report say where its table is). So a drawing is kept, and drawn, once
(plansite/render/chart_store.py), and labelled for each place: no matplotlib needed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET


def labelled(drawing: str, ident: str, title: str, description: str) -> str:
    """The <svg> `drawing` with its <title> and <desc> first, as ElementTree writes them
    inside the element: after its start tag (ElementTree escapes `>` in attributes, so the
    first `>` ends it) and the line break and indent matplotlib writes before its first child."""
    words = ET.Element("title", {"id": f"{ident}-title"})
    words.text = title
    about = ET.Element("desc", {"id": f"{ident}-desc"})
    about.text = description
    tag_end = drawing.index(">") + 1
    start = len(drawing) - len(drawing[tag_end:].lstrip())
    return "".join(
        (
            drawing[:start],
            ET.tostring(words, encoding="unicode"),
            ET.tostring(about, encoding="unicode"),
            drawing[start:],
        )
    )
