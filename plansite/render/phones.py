"""A phone field in parts for the fragment that links it (plansite/fragments/shared/phone.html):
each number with the international form a `tel:` link dials, the words around it (opening
hours, "or") as text."""

from __future__ import annotations

from plansite.model.phones import numbers_in


def phone_parts(text: str) -> list[tuple[str, str]]:
    """(words, dial) in order: `dial` is "+44…" for a number, "" for the words between."""
    parts: list[tuple[str, str]] = []
    at = 0
    for number in numbers_in(text):
        parts.append((text[at : number.start], ""))
        parts.append((text[number.start : number.end], number.dial))
        at = number.end
    parts.append((text[at:], ""))
    return [(words, dial) for words, dial in parts if words]
