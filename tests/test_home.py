"""The home page answers "what is the partnership doing, and how is it going": the vision, a card
for each priority of the current plan with its counts, what needs attention, what changed, and
where to turn when worried about a child (linked from every page's footer)."""

from __future__ import annotations

from pathlib import Path

import yaml

from plansite.load import load_board_data
from plansite.model.progress import needs_attention, summary
from tests.conftest import ROOT, page, page_footer
from tests.gates.conftest import html_pages, target_file


def test_one_card_per_current_priority_with_its_counts(example_site: Path) -> None:
    site = load_board_data(ROOT / "data")
    plan = site.current_plan
    cards = page(example_site, "").select(".ps-card")
    assert len(cards) == len(plan.priorities) == 5
    for card, priority in zip(cards, plan.priorities, strict=True):
        counts = summary(plan, priority.all_actions)
        title = card.select_one(".ps-card__title a")
        assert " ".join(title.get_text().split()) == f"{priority.ref}. {priority.title}"
        assert title["href"] == f"plans/{plan.id}/priority-{priority.slug}/"
        words = card.select_one(".ps-card__sentence").get_text()
        assert words.startswith(f"{counts.done} of {counts.total} actions complete")
        parts = card.select(".ps-bar__part")
        assert len(parts) == len([c for c in counts.counts if c.count])
        newest = max(a.latest_update.day.value for a in priority.all_actions if a.latest_update)
        assert card.select_one(".ps-card__date time")["datetime"] == newest.isoformat()
    attention = needs_attention(plan)
    text = " ".join(page(example_site, "").select_one("article").get_text().split())
    assert (
        f"{len(attention.actions)} actions need attention: {len(attention.overdue)} overdue" in text
    )


def test_worried_about_a_child_lists_the_boards_routes(example_site: Path) -> None:
    board = yaml.safe_load((ROOT / "data" / "board.yml").read_text(encoding="utf-8"))
    block = page(example_site, "").select_one("section.ps-worried")
    assert block.h2["id"] == "worried-about-a-child"
    assert block.select_one('a[href="tel:999"]') is not None
    routes = block.select(".ps-worried__routes > li")
    assert len(routes) == len(board["worried_about_a_child"]) == 3
    for item, route in zip(routes, board["worried_about_a_child"], strict=True):
        text = " ".join(item.get_text().split())
        assert text.startswith(route["who"]) and route["phone"] in text


def test_every_page_links_worried_about_a_child_in_its_footer(example_site: Path) -> None:
    pages = html_pages(example_site)
    for file in pages:
        footer = page_footer(file)
        assert footer is not None, file
        link = footer.find("a", string="Worried about a child?")
        assert link is not None and link["href"].endswith("/#worried-about-a-child"), file
        assert target_file(example_site, file, link["href"]) == example_site / "index.html", file


def test_home_links_the_annual_report_and_the_guide(example_site: Path) -> None:
    links = {
        a.get_text(strip=True): a["href"] for a in page(example_site, "").select(".ps-home-links a")
    }
    assert links == {
        "Annual report": "annual-report/",
        "Young people's guide": "guide/",
        "All our plans": "plans/",
    }
