"""Copies Sveltia CMS, the published /admin/ page's forms, from the npm package pinned in
package.json (installed into node_modules by `npm ci`) into overrides/admin/, where the build
copies it into the site: the page loads it from the site itself, never from a CDN.

`python -m scripts.vendor_cms` after changing the version in package.json and running `npm ci`;
tests/test_admin_signin.py fails while the copy differs from the pinned package.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "@sveltia/cms"
INSTALLED = ROOT / "node_modules" / PACKAGE
ADMIN = ROOT / "overrides" / "admin"
# the package's file -> the site's copy. The script loads chunks/ beside itself before it
# would try unpkg.com, so the one chunk it has is copied too.
FILES = {
    "dist/sveltia-cms.js": "sveltia-cms.js",
    "dist/chunks/react-dom.js": "chunks/react-dom.js",
    "LICENSE.txt": "sveltia-cms.js.LICENSE.txt",
}


def pinned_version() -> str:
    wanted = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    return str(wanted["devDependencies"][PACKAGE])


def installed_version() -> str | None:
    manifest = INSTALLED / "package.json"
    if not manifest.exists():
        return None
    return str(json.loads(manifest.read_text(encoding="utf-8"))["version"])


def main() -> int:
    pinned, installed = pinned_version(), installed_version()
    if installed != pinned:
        print(
            f"vendor_cms: package.json pins {PACKAGE} {pinned}, node_modules has "
            f"{installed or 'none'}: run `npm ci --ignore-scripts` first",
            file=sys.stderr,
        )
        return 1
    for source, copy in FILES.items():
        (ADMIN / copy).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(INSTALLED / source, ADMIN / copy)
    print(f"vendor_cms: {PACKAGE} {pinned} copied into {ADMIN.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
