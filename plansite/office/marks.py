"""Text-direction controls in a document's words are refused, cell by cell, as they are in the
board's YAML and CSV files (plansite/read/text.py): one published title must not read as another."""

from __future__ import annotations

from plansite.office.document import Document, Table, TextBlock, place
from plansite.office.words import PLACES
from plansite.read.text import direction_control, direction_shown

SHOWN = 80  # characters of the text quoted in the message


def direction_marks(document: Document) -> list[tuple[str, str, str]]:
    """(place, what, text shown) of each paragraph, cell or footnote holding a direction
    control, in the document's order."""
    found: list[tuple[str, str, str]] = []

    def note(where: str, text: str) -> None:
        what = direction_control(text)
        if what:
            shown = direction_shown(" ".join(text.split()))
            found.append((where, what, shown if len(shown) <= SHOWN else shown[:SHOWN] + "…"))

    for block in [*document.blocks, *document.key_tables]:
        if isinstance(block, TextBlock):
            note(PLACES["paragraph"], block.para.text)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    if not cell.continues:
                        note(place(block.name, cell.row, cell.column, ""), cell.text)
    for text in document.notes:
        note(PLACES["footnote"], text)
    return found
