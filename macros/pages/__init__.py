"""Pages generated from data: each page type says which pages it makes and how to render one.

A generated page's Markdown is only a macro call (`{{ plansite_page("priority", ...) }}`): the
page is rendered by the macro at build time, and text from data is never read as a template.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from macros.model.site import Site


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # inside docs/, e.g. "plans/business-plan-2025-28/1.md"
    title: str
    kind: str  # the renderer's name in RENDERERS
    args: tuple[str, ...] = ()
    nav_section: str = ""  # the section index this page belongs under in the nav
    nav_group: str = ""  # a sub-section title inside that section, if any
    meta: dict[str, str] = field(default_factory=dict)

    def markdown(self) -> str:
        call = ", ".join(repr(a) for a in (self.kind, *self.args))
        front = "".join(f"{key}: {value}\n" for key, value in self.meta.items())
        title = self.title.replace('"', "'")
        return f'---\ntitle: "{title}"\n{front}---\n\n{{{{ plansite_page({call}) }}}}\n'


Renderer = Callable[..., str]
PageLister = Callable[[Site], list[GeneratedPage]]
