"""The young people's guide, built from tests/fixtures/guide-full: pages, words, help, reach."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from plansite.check.__main__ import main as check_main
from plansite.model.plan import Priority
from plansite.render.guide import goal_heading
from tests.conftest import FIXTURES, ROOT, page, run_build

FIXTURE = "guide-full"
HARD_SUMMARY = (
    "Notwithstanding considerable organisational complexity, practitioners systematically "
    "evaluate contemporaneous intelligence regarding exploitation vulnerabilities. "
    "Multi-agency arrangements necessitate comprehensive interdisciplinary collaboration."
)


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def plans(data: Path) -> list[dict[str, Any]]:
    return [load(p) for p in sorted((data / "plans").glob("*.yml"))]


def current_plan(data: Path) -> dict[str, Any]:
    return next(p for p in plans(data) if p.get("current"))


def actions(priority: dict[str, Any]) -> list[dict[str, Any]]:
    grouped = [a for issue in priority.get("issues", []) for a in issue["actions"]]
    return grouped + priority.get("actions", [])


def expected_word(plan: dict[str, Any], action: dict[str, Any]) -> str:
    """The rule from the issue, applied to the raw YAML."""
    statuses = plan["statuses"]
    status = next((s for s in statuses if s["key"] == action.get("status")), None)
    if status is not None and status.get("done"):
        return "done"
    if status is not None and status is statuses[-1]:
        return "stuck"
    return "on the way"


def guide_urls(data: Path) -> set[str]:
    plan = current_plan(data)
    slugs = [re.sub(r"[^a-z0-9]", "-", p["ref"].lower()).strip("-") for p in plan["priorities"]]
    return {
        "guide/",
        "guide/you-told-us/",
        "guide/keeping-your-visit-private/",
        "guide/leaflet/",
    } | {f"guide/goal-{s}/" for s in slugs}


def built_guide_urls(site: Path) -> set[str]:
    found = (site / "guide").rglob("index.html")
    return {p.parent.relative_to(site).as_posix() + "/" for p in found}


def steps_in(section: Any) -> list[tuple[str, str]]:
    """(progress word, text) for each step listed in a section."""
    result = []
    for item in section.select("li"):
        tag = item.select_one(".ps-progress")
        word = tag.get_text(" ", strip=True)
        tag.extract()
        result.append((word, item.get_text(" ", strip=True)))
    return result


def section_after(soup: BeautifulSoup, heading_id: str) -> list[Any]:
    """The elements between a heading and the next heading."""
    heading = soup.find(id=heading_id)
    assert heading is not None, heading_id
    found = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        found.append(sibling)
    return found


@pytest.fixture(scope="module")
def site(build_fixture: Callable[[str], Path]) -> Path:
    return build_fixture(FIXTURE)


def test_one_guide_page_per_goal_of_the_current_plan(site: Path) -> None:
    assert built_guide_urls(site) == guide_urls(FIXTURES / FIXTURE)


def test_every_guide_page_shows_how_to_get_help_now(site: Path) -> None:
    contact = load(FIXTURES / FIXTURE / "board.yml")["contact"]
    for url in built_guide_urls(site):
        boxes = page(site, url).select("aside.ps-help")
        assert len(boxes) == 1, url
        box = boxes[0]
        text = box.get_text(" ", strip=True)
        links = {a["href"] for a in box.select("a")}
        assert "Get help now" in text, url
        assert "999" in text and "tel:999" in links, url
        assert "Childline" in text and "0800 1111" in text and "tel:+448001111" in links, url
        assert contact["phone"] in text and contact["email"] in text, url
        assert "mailto:" + contact["email"] in links, url


def test_progress_is_said_in_words_from_the_plan_statuses(site: Path) -> None:
    plan = current_plan(FIXTURES / FIXTURE)
    words_seen = set()
    for priority in plan["priorities"]:
        soup = page(site, f"guide/goal-{priority['ref']}/")
        written = [a for a in actions(priority) if a.get("young_people")]
        expected = [(expected_word(plan, a), a["young_people"]) for a in written]
        did = [s for el in section_after(soup, "what-we-did") for s in steps_in(el)]
        coming = [s for el in section_after(soup, "whats-next") for s in steps_in(el)]
        assert did == [e for e in expected if e[0] == "done"]
        assert coming == [e for e in expected if e[0] != "done"]
        words_seen |= {word for word, _ in expected}
    assert words_seen == {"done", "on the way", "stuck"}  # the fixture shows all three


def test_the_job_counts_equal_the_plan(site: Path) -> None:
    plan = current_plan(FIXTURES / FIXTURE)
    for priority in plan["priorities"]:
        counts = page(site, f"guide/goal-{priority['ref']}/").select_one(".ps-guide-counts")
        text = counts.get_text(" ", strip=True)
        every = actions(priority)
        assert text.startswith(f"We have {len(every)} jobs to do for this goal.")
        shown = {
            word: int(n)
            for n, word in re.findall(r"(\d+) (?:is|are) (done|on the way|stuck)", text)
        }
        expected = {}
        for action in every:
            word = expected_word(plan, action)
            expected[word] = expected.get(word, 0) + 1
        assert shown == expected


def test_what_children_will_say_comes_from_the_current_and_improvement_plans(site: Path) -> None:
    all_plans = plans(FIXTURES / FIXTURE)
    wanted = [p for p in all_plans if p.get("current") or p["kind"] == "improvement"]
    statements = [
        s for p in wanted for pr in p["priorities"] for s in pr.get("children_will_say", [])
    ]
    quoted = [q.get_text() for q in page(site, "guide/you-told-us/").select(".ps-guide-voices q")]
    assert quoted == list(dict.fromkeys(statements))
    assert len(quoted) < len(statements)  # the fixture repeats one statement: shown once


def test_the_home_page_says_who_the_guide_is_for_and_links_every_goal(site: Path) -> None:
    board = load(FIXTURES / FIXTURE / "board.yml")
    soup = page(site, "guide/")
    assert soup.select_one(".ps-guide-for").get_text(strip=True) == (
        f"This guide is for children and young people aged {board['young_people']['age_range']}."
    )
    goals = [a["href"] for a in soup.select(".ps-guide-goals a")]
    expected = sorted(
        u.removeprefix("guide/") for u in guide_urls(FIXTURES / FIXTURE) if "goal-" in u
    )
    assert sorted(goals) == expected


def test_every_page_has_the_guide_link_in_its_header(site: Path) -> None:
    # /admin/ is the update forms' own page (the CMS's interface), not part of the public site
    pages = sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "admin")
    assert len(pages) > len(built_guide_urls(site))
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        # the guide's own frame (plansite/theme/guide.html) links its short title to the guide home
        in_guide = path.relative_to(site).parts[0] == "guide"
        link = soup.select_one(
            "header .ps-guide-header__title" if in_guide else "header .ps-header-guide"
        )
        assert link is not None and link.get_text(strip=True) == "Young people's guide", path
        here = path.parent.relative_to(site).as_posix()
        target = posixpath.normpath(posixpath.join(here, link["href"]))
        if path.name == "404.html":  # served from any folder: its links are absolute
            target = link["href"].removeprefix("/")
        assert (site / target / "index.html") == site / "guide" / "index.html", path


def test_the_guide_is_in_search(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert built_guide_urls(site) <= locations
    summary = current_plan(FIXTURES / FIXTURE)["priorities"][1]["young_people"]
    assert any(
        summary in doc["text"] for doc in index["docs"] if doc["location"].startswith("guide/")
    )


def test_every_picture_exists_and_has_a_text_alternative(site: Path) -> None:
    for url in built_guide_urls(site):
        for image in page(site, url).select("article img"):
            assert image.has_attr("alt"), (url, image)
            target = posixpath.normpath(posixpath.join(url, image["src"]))
            assert (site / target).is_file(), (url, image["src"])
    svgs = sorted((ROOT / "plansite" / "starter_site" / "docs" / "images" / "guide").glob("*.svg"))
    assert svgs
    for svg in svgs:
        title = re.search(r"<title[^>]*>([^<]+)</title>", svg.read_text(encoding="utf-8"))
        assert title and title.group(1).strip(), svg


def test_a_hard_paragraph_fails_the_strict_build_naming_the_sentence(
    data_copy: Callable[[str], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = data_copy(FIXTURE)
    plan_file = data / "plans" / "plan-a.yml"
    text = plan_file.read_text(encoding="utf-8")
    easy = current_plan(data)["priorities"][0]["young_people"]
    plan_file.write_text(text.replace(easy, HARD_SUMMARY), encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if easy in t)

    # `make check` fails first, with the message the build gives
    assert check_main([str(data)]) == 1
    checked = capsys.readouterr().err
    message = checked[checked.index("guide/goal-1.md: the young people's guide reads") :]
    # the guide's home page shows the hard first sentence too, as goal 1's heading
    assert "guide/index.md: the young people's guide reads at grade " in checked
    message = message[: message.index("\n2 problems found in the data")]

    result = run_build(data, tmp_path / "site")

    assert result.returncode != 0
    assert "guide/goal-1.md: the young people's guide reads at grade " in result.stderr
    hardest = HARD_SUMMARY.split(". ")[0] + "."
    assert f'"{hardest}"' in result.stderr
    assert f"plans/plan-a.yml:{line}" in result.stderr
    assert message in result.stderr and f"plans/plan-a.yml:{line}" in message


def test_goal_headings_come_from_the_young_peoples_wording_never_the_formal_title(
    site: Path,
) -> None:
    # priority 1 has no `young_people_title:`: its wording's first sentence; 2 has its own
    expected = {
        "goal-1": "Goal 1: We want you to be safe when you go online",
        "goal-2": "Goal 2: Feeling safe where you live",
    }
    home = {
        a["href"].strip("/"): a.get_text(" ", strip=True)
        for a in page(site, "guide/").select(".ps-guide-goals a")
    }
    assert home == expected
    for slug, heading in expected.items():
        assert page(site, f"guide/{slug}/").select_one("h1").get_text(" ", strip=True) == heading
    leaflet = page(site, "guide/leaflet/")
    found = [h.get_text(" ", strip=True) for h in leaflet.select("h2") if "Goal" in h.get_text()]
    assert found == list(expected.values())
    for priority in current_plan(FIXTURES / FIXTURE)["priorities"]:
        for url in built_guide_urls(site):
            assert priority["title"] not in page(site, url).get_text(" "), (url, priority["title"])


@pytest.mark.parametrize(
    ("wording", "heading"),
    [
        ("We help. We listen.", "We help"),
        ("Some adults, e.g. coaches, help us! Then more.", "Some adults, e.g. coaches, help us!"),
        ("We met 1.5 times a week. Then less.", "We met 1.5 times a week"),
        ("**Bold** words are kept as text. Next.", "Bold words are kept as text"),
        ("One sentence only", "One sentence only"),
    ],
)
def test_a_goal_heading_is_the_first_sentence_of_the_wording(wording: str, heading: str) -> None:
    assert goal_heading(Priority(ref="1", title="Formal", young_people=wording)) == heading
