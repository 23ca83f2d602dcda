"""The `/admin/` page: forms that change an action's status, due date and leads and add a dated
update, each change committed to the repository (docs/maintainers/admin-forms.md): Sveltia CMS
on the published site, signed in to GitHub with a token; Decap CMS on this machine, saving
through the local git proxy (plansite/theme/admin/which-cms.js).

The page is the CMS's own interface, not public content: it is written beside the site's pages
(not in the menu, the search index or the sitemap) and asks search engines not to index it. The
CMS's script is served from the site itself (plansite/theme/admin/, copied with the theme), so the
page asks nothing of another host.
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

from plansite.model.board_data import BoardData
from plansite.publish import admin_config

FOLDER = "admin"
# the repository the published forms commit to: GitHub Actions names it while it builds
REPO_ENV = "GITHUB_REPOSITORY"
BRANCH_ENV = "GITHUB_REF_NAME"
UNNAMED_REPO = "OWNER/REPOSITORY"  # a local build: only the local git proxy can save
# an OAuth client to sign in to GitHub through (the CMS's `base_url`). Without one the published
# forms sign in with a personal access token only (the README says how to make one)
AUTH_ENV = "PLANSITE_CMS_AUTH_URL"
# another port for the local proxy (`PORT=8082 npx decap-server`), e.g. while 8081 is taken
PROXY_PORT_ENV = "PLANSITE_CMS_PORT"

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Update the plans: {name}</title>
</head>
<body>
<script src="manual-init.js"></script>
<script type="module" src="plansite-admin.js"></script>
</body>
</html>
"""


def repository_path(folder: Path) -> str:
    """The board folder as the CMS names it: its path inside the git repository holding it (or
    its own name when it is in none)."""
    folder = folder.resolve()
    for parent in [folder, *folder.parents]:
        if (parent / ".git").exists():
            return folder.relative_to(parent).as_posix() or "."
    return folder.name


def files(site: BoardData, folder: Path) -> dict[str, bytes]:
    port = os.environ.get(PROXY_PORT_ENV, "")
    text = admin_config.config_text(
        site,
        repository_path(folder),
        repo=os.environ.get(REPO_ENV) or UNNAMED_REPO,
        branch=os.environ.get(BRANCH_ENV) or "main",
        proxy_port=int(port) if port.isdigit() else admin_config.DEFAULT_PROXY_PORT,
        auth_url=os.environ.get(AUTH_ENV) or None,
    )
    return {
        f"{FOLDER}/index.html": PAGE.format(name=escape(site.board.name)).encode(),
        f"{FOLDER}/config.yml": text.encode(),
    }
