"""Copies Sveltia CMS, the published /admin/ page's forms, from the npm package pinned in
package.json (installed into node_modules by `npm ci`) into plansite/theme/admin/, where the build
copies it into the site: the page loads it from the site itself, never from a CDN.

Sveltia's styles name three fonts on cdn.jsdelivr.net (Fontsource's copies of npm packages).
The copy of its script names the same files from those npm packages, pinned in package.json
too and copied into plansite/theme/admin/fonts/, so the page asks no other host for them. That one
address is the only change to the script.

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
ADMIN = ROOT / "plansite" / "theme" / "admin"
# the package's file -> the site's copy. The script loads chunks/ beside itself before it
# would try unpkg.com, so the one chunk it has is copied too.
FILES = {
    "dist/chunks/react-dom.js": "chunks/react-dom.js",
    "LICENSE.txt": "sveltia-cms.js.LICENSE.txt",
}


SCRIPT = "sveltia-cms.js"
FONTS_CDN = "https://cdn.jsdelivr.net/fontsource/fonts/"
FONTS = "fonts"  # beside the script, in plansite/theme/admin/
# each font's address in Sveltia's styles (after FONTS_CDN) -> its npm package and file
FONT_FILES = {
    "source-sans-3:vf@5.3.0/latin-wght-normal.woff2": (
        "@fontsource-variable/source-sans-3",
        "files/source-sans-3-latin-wght-normal.woff2",
    ),
    "noto-mono@5.3.0/latin-400-normal.woff2": (
        "@fontsource/noto-mono",
        "files/noto-mono-latin-400-normal.woff2",
    ),
    "material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2": (
        "@fontsource-variable/material-symbols-outlined",
        "files/material-symbols-outlined-latin-wght-normal.woff2",
    ),
}


def font_copy(address: str) -> str:
    """The site's copy of a font, relative to the admin page: `fonts/<package file name>`."""
    return f"{FONTS}/{Path(FONT_FILES[address][1]).name}"


def with_own_fonts(script: str) -> str:
    """Sveltia's script with its fonts' CDN addresses made the site's own copies."""
    for address in FONT_FILES:
        script = script.replace(FONTS_CDN + address, font_copy(address))
    return script


def pinned_version(package: str = PACKAGE) -> str:
    wanted = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    return str(wanted["devDependencies"][package])


def installed_version(package: str = PACKAGE) -> str | None:
    manifest = ROOT / "node_modules" / package / "package.json"
    if not manifest.exists():
        return None
    return str(json.loads(manifest.read_text(encoding="utf-8"))["version"])


def main() -> int:
    packages = [PACKAGE, *sorted({package for package, _ in FONT_FILES.values()})]
    for package in packages:
        pinned, installed = pinned_version(package), installed_version(package)
        if installed != pinned:
            print(
                f"vendor_cms: package.json pins {package} {pinned}, node_modules has "
                f"{installed or 'none'}: run `npm ci --ignore-scripts` first",
                file=sys.stderr,
            )
            return 1
    for source, copy in FILES.items():
        (ADMIN / copy).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(INSTALLED / source, ADMIN / copy)
    script = (INSTALLED / "dist" / SCRIPT).read_text(encoding="utf-8")
    (ADMIN / SCRIPT).write_text(with_own_fonts(script), encoding="utf-8", newline="")
    (ADMIN / FONTS).mkdir(exist_ok=True)
    for address, (package, file) in FONT_FILES.items():
        shutil.copyfile(ROOT / "node_modules" / package / file, ADMIN / font_copy(address))
        licence = ADMIN / f"{font_copy(address)}.LICENSE.txt"  # SIL Open Font Licence
        shutil.copyfile(ROOT / "node_modules" / package / "LICENSE", licence)
    pinned = pinned_version()
    print(f"vendor_cms: {PACKAGE} {pinned} copied into {ADMIN.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
