"""A phone field as HTML: each number a `tel:` link in its international form, the words around
it (opening hours, "or") as text."""

from __future__ import annotations

from markupsafe import Markup, escape

from macros.model.phones import numbers_in


def phone_links(text: str) -> Markup:
    parts: list[str] = []
    at = 0
    for number in numbers_in(text):
        parts.append(escape(text[at : number.start]))
        parts.append(
            Markup('<a href="tel:{}">{}</a>').format(number.dial, text[number.start : number.end])
        )
        at = number.end
    parts.append(escape(text[at:]))
    return Markup("").join(parts)
