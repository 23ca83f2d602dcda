"""The example board's young people's guide: every page passes the reading-age gate, shows how
to get help now, and the leaflet is short enough to print on one to four pages."""

from __future__ import annotations

from pathlib import Path

import material
import yaml

from plansite.pages.readability import readability
from plansite.read.site_config import site_config
from tests.conftest import ROOT, page

# About 350 words fill an A4 page at 12 point with the guide's headings, icons and lists.
LEAFLET_MAX_WORDS = 4 * 350


def guide_pages(site: Path) -> list[str]:
    found = sorted((site / "guide").rglob("index.html"))
    return [p.parent.relative_to(site).as_posix() + "/" for p in found]


def test_every_guide_page_passes_the_reading_gate(example_site: Path) -> None:
    settings = site_config(ROOT / "mkdocs.yml")
    (target,) = [p["plansite"]["reading_grade"] for p in settings["plugins"] if "plansite" in p]
    board = yaml.safe_load((ROOT / "data" / "board.yml").read_text(encoding="utf-8"))
    plan = next(
        yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "data" / "plans").glob("*.yml"))
        if "current: true" in p.read_text(encoding="utf-8")
    )
    urls = guide_pages(example_site)
    # home, one per goal, you told us, keeping your visit private, leaflet
    assert len(urls) == len(plan["priorities"]) + 4
    for url in urls:
        main = page(example_site, url).select_one(".ps-guide")
        score = readability(str(main))
        assert score.grade is not None, f"{url}: too short to be scored ({score.words} words)"
        assert score.grade <= target, (url, score)
        assert len(main.select("aside.ps-help")) == 1, url
        help_text = main.select_one("aside.ps-help").get_text(" ", strip=True)
        assert "0800 1111" in help_text and "999" in help_text, url
        assert board["contact"]["phone"] in help_text, url


def test_the_leaflet_has_every_goal_and_fits_four_pages(example_site: Path) -> None:
    leaflet = page(example_site, "guide/leaflet/").select_one(".ps-guide")
    goals = [h.get_text(" ", strip=True) for h in leaflet.select("h2") if "Goal" in h.get_text()]
    assert len(goals) == len(guide_pages(example_site)) - 4
    words = len(leaflet.get_text(" ", strip=True).split())
    assert words <= LEAFLET_MAX_WORDS, words
    css = (ROOT / "plansite" / "starter_site" / "docs" / "stylesheets" / "guide.css").read_text(
        encoding="utf-8"
    )
    assert "@media print" in css and "@page" in css


def test_the_header_override_is_materials_header_plus_the_guide_link() -> None:
    """After upgrading Material, copy its header again and re-add the marked lines."""
    ours = (ROOT / "plansite" / "theme" / "partials" / "header.html").read_text(encoding="utf-8")
    theirs = Path(material.__file__).parent / "templates" / "partials" / "header.html"
    original = theirs.read_text(encoding="utf-8").split("-#}\n", 1)[1]
    body = ours.split("-#}\n", 1)[1]
    added = [line for line in body.splitlines() if line not in original.splitlines()]
    # the link shows only on a site that has the guide (a board with young people's wording)
    # marked additions: the menu opener as a button (keyboard), and the guide link
    marked = [n for n, line in enumerate(added) if line.strip().startswith("{#- Plansite:")]
    assert len(marked) == 3 and marked[0] == 0 and len(added) == 11, added
    assert any("ps-header-guide" in line for line in added[marked[1] :])
    guide = added.index("    {#- Plansite: the young people's guide, reachable from every page -#}")
    assert added[guide + 1].strip() == "{% if 'guide' in config.extra.plansite_parts | d([]) %}"
    # Material's own lines stay, but for the menu and search labels the button versions keep
    # for a browser without JavaScript (wrapped in ps-no-js-only)
    missing = [line for line in original.splitlines() if line not in body.splitlines()]
    assert len(missing) <= 4 and all("label" in m or "icon" in m for m in missing), missing


def test_guide_pages_have_their_own_simple_frame(example_site: Path) -> None:
    # no adult menu, a title that fits a phone, and "Exit this page" on every guide page
    for url in guide_pages(example_site):
        soup = page(example_site, url)
        assert soup.select(".md-sidebar, nav.md-nav--primary") == [], url
        title = soup.select_one("header .ps-guide-header__title")
        assert title is not None and title.get_text(strip=True) == "Young people's guide", url
        exit_link = soup.select_one("header .ps-exit a")
        assert exit_link is not None and exit_link.get_text(strip=True) == "Exit this page", url
        assert exit_link["href"] == "https://www.bbc.co.uk/weather", url


def test_keeping_your_visit_private_is_linked_from_the_help_box(example_site: Path) -> None:
    linked = [
        url
        for url in guide_pages(example_site)
        if page(example_site, url).select_one('.ps-help a[href$="keeping-your-visit-private/"]')
    ]
    # every guide page but the leaflet (printed) and the private page itself
    assert len(linked) == len(guide_pages(example_site)) - 2
