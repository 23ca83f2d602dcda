"""The macros narrative pages call, registered by mkdocs-macros as a pluglet
(`modules: [plansite:plansite.engine.macros]` in mkdocs.yml).

Everything else about a build is the `plansite` plugin's (plansite/engine/plugin.py), listed before
`macros` in mkdocs.yml: it has loaded and checked the data by the time mkdocs-macros calls
`define_env`, and holds this build's state (plansite/engine/build.py), which the macros read.

Only `define_env` loads the site engine.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def define_env(env: Any) -> None:
    from mkdocs.exceptions import PluginError

    from plansite.engine.plugin import PlansitePlugin
    from plansite.pages.narrative import narrative_macros
    from plansite.render.data_view import WholeDataView, rich_filter, view

    config: MkDocsConfig = env.conf
    plugin = config.plugins.get("plansite")
    if not isinstance(plugin, PlansitePlugin):
        raise PluginError("mkdocs.yml: list `- plansite` under `plugins:`, before `- macros`")
    build = plugin.build
    if build is None:
        return  # `mkdocs serve` with broken data: the pages show the problems, no macros

    # narrative pages print data through a view that makes every string inert text
    env.variables["board"] = view(build.board)
    # the whole data, and the macros, look it up through the build at each use: the build
    # lets go of it once the pages are written (`SiteBuild.pages_written`)
    env.variables["plansite"] = WholeDataView(lambda: build.site)
    env.filter(rich_filter, "rich")

    def here() -> str:
        return str(env.page.file.src_uri)

    def plansite_page(page_type: str, *args: str) -> str:
        return build.page(here(), page_type, *args)

    env.macro(plansite_page)

    def in_site(path: str) -> bool:
        """Whether a page of docs/ is in this board's site, for a link to it: `needs:` in a
        page's front matter leaves it out when the board does not have its data."""
        return (Path(config.docs_dir) / path).is_file() and path not in build.left_out_pages

    env.macro(in_site)

    # Narrative pages in docs/ work on any board's data: a figure they name that is missing
    # fails the build (a page that needs an optional part is left out without it).
    # each runs inside the build (its words, its cache folder)
    for name, function in narrative_macros(lambda: build.site, here).items():
        env.macro(build.macro(function), name)
