"""Colour contrast (WCAG 2.2): status tags pick black or white text to reach at least 4.5:1."""

from __future__ import annotations

import functools

WHITE = "#ffffff"


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@functools.lru_cache(maxsize=256)
def text_on(background: str) -> str:
    """Black or white, whichever reads better on `background`."""
    return (
        "#0b0c0c"
        if contrast(background, "#0b0c0c") >= contrast(background, "#ffffff")
        else "#ffffff"
    )
