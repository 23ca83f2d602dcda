"""The board's identity on every page: its brand colour as a stylesheet."""

from __future__ import annotations

from plansite.render.templates import render

BRAND_CSS = "stylesheets/board.css"


def _mix(colour: str, other: int, share: float) -> str:
    """`colour` moved `share` of the way towards grey level `other` (0 black, 255 white)."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (other - c) * share):02x}" for c in channels)


def brand_css(colour: str) -> str:
    return render(
        "shared/brand.css.html",
        colour=colour,
        light=_mix(colour, 255, 0.15),
        dark=_mix(colour, 0, 0.3),
    )
