"""Material templates whose markup fails the Nu Html Checker, copied into plansite/theme/ and patched.

Material 9.8.1 writes three errors no block or partial override can reach:
- base.html: `autocomplete="off"` on the drawer and search checkboxes (the attribute is not
  allowed on checkboxes; it only stops Firefox restoring an open drawer after "back").
- partials/nav-item.html: `tabindex=""` on section labels (an empty tabindex is not a number).
- partials/toc.html: a label `for="__toc"` on pages that are not in the menu (the accessibility
  statement) or that open a section of it (a plan's home page), where nav-item.html writes no
  `__toc` checkbox for it to label.

base.html has one more patch, for the keyboard: Material writes its skip link only when the page
has a Markdown heading, so generated pages (HTML fragments) had none. Every page now starts with
"Skip to main content", leading past the header and the menu to the page's own content.

`python -m scripts.theme_patches` rewrites the copies from the installed Material; the
html validity gate fails when a copy no longer matches (e.g. after upgrading Material).
"""

from __future__ import annotations

from pathlib import Path

import material

THEME = Path(material.__file__).resolve().parent / "templates"
OVERRIDES = Path(__file__).resolve().parents[1] / "plansite" / "theme"
MATERIAL_HEADER = "{#-\n  This file was automatically generated - do not edit\n-#}\n"
HEADER = (
    "{#- Plansite: Material's {name}, patched for valid HTML by scripts/theme_patches.py.\n"
    "    Do not edit: run `python -m scripts.theme_patches` after upgrading Material. -#}\n"
)
# template -> (text, replacement, how many times it must occur)
PATCHES: dict[str, list[tuple[str, str, int]]] = {
    "base.html": [
        (' autocomplete="off">', ">", 2),
        (
            "{% if page.toc | first is defined %}\n"
            "        {% set skip = page.toc | first %}\n"
            '        <a href="{{ skip.url | url }}" class="md-skip">\n'
            '          {{ lang.t("action.skip") }}\n'
            "        </a>\n"
            "      {% endif %}",
            '<a href="#main-content" class="md-skip">Skip to main content</a>',
            1,
        ),
        (
            '<article class="md-content__inner md-typeset">',
            '<article class="md-content__inner md-typeset" id="main-content" tabindex="-1">',
            1,
        ),
    ],
    "partials/nav-item.html": [
        ('tabindex="{{ tabindex }}"', '{% if tabindex %}tabindex="{{ tabindex }}"{% endif %}', 2)
    ],
    "partials/toc.html": [
        (
            '<label class="md-nav__title" for="__toc">',
            '<label class="md-nav__title"{% if page in nav.pages and not (page.is_index and page.parent)'
            ' %} for="__toc"{% endif %}>',
            1,
        )
    ],
}


def patched(name: str) -> str:
    """The installed Material template `name` with its patches applied."""
    text = (THEME / name).read_text(encoding="utf-8")
    if not text.startswith(MATERIAL_HEADER):
        raise ValueError(f"{THEME / name}: Material's header changed; check the template by hand")
    text = HEADER.replace("{name}", name) + text.removeprefix(MATERIAL_HEADER)
    for old, new, count in PATCHES[name]:
        found = text.count(old)
        if found != count:
            raise ValueError(
                f"{THEME / name}: expected {count} of {old!r}, found {found}; "
                "Material changed this template: check whether the patch is still needed"
            )
        text = text.replace(old, new)
    return text


def write() -> None:
    for name in PATCHES:
        target = OVERRIDES / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(patched(name), encoding="utf-8")
        print(f"wrote {target}")


if __name__ == "__main__":
    write()
