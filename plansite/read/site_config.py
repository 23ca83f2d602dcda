"""The site's settings file (mkdocs.yml) read as the site engine reads it, for the parts Plansite's
own commands need (the reading grade, the theme, the menu): `!ENV [NAME, default]` is the
variable NAME when it is set, else the default, as MkDocs and ProperDocs read it (so
`data_dir: !ENV [PLANSITE_DATA, data]` is the folder a build uses); the engine's other tags
(`!!python/name:`, `!relative`) are read as nothing.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml


class _SiteConfigLoader(yaml.SafeLoader):
    pass


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """`!ENV NAME` or `!ENV [NAME, OTHER, default]`: the first variable set, else the default."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(str(loader.construct_scalar(node)))
    values = (
        loader.construct_sequence(node, deep=True) if isinstance(node, yaml.SequenceNode) else []
    )
    *names, default = values or [None]
    for name in names:
        if (found := os.environ.get(str(name))) is not None:
            return found
    return default


_SiteConfigLoader.add_constructor("!ENV", _env)
_SiteConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_SiteConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, s, n: None)


def site_config(path: Path) -> dict[str, Any]:
    """mkdocs.yml's settings, as a mapping (empty when the file holds none)."""
    loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=_SiteConfigLoader)
    return loaded if isinstance(loaded, dict) else {}
