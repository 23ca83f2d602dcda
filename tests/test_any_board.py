"""Any board publishes its own site by replacing data/: only board.yml and one plan are required,
every other part of the site is on when its file is there, and nothing of the example board
(its name, domain or prose) reaches another board's site."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from plansite.check.__main__ import main as check_main
from plansite.load import load_board_data
from plansite.model.sections import SECTION_KEYS, sections_on
from plansite.pages.guide import pages as guide_pages
from plansite.pages.narrative import narrative_macros
from plansite.pages.narrative_pages import left_out, page_needs, prune_nav
from plansite.pages.reading_gate import DEFAULT_GRADE, gate_message
from plansite.pages.registry import generated_pages
from plansite.read.problems import DataError
from plansite.render.datasets import datasets
from tests.conftest import FIXTURES, ROOT, page, run_build
from tests.gates.test_links import _MkDocsLoader

BARE = FIXTURES / "bare"  # board.yml and one plan of three actions, nothing else
DOCS = ROOT / "plansite" / "starter_site" / "docs"
# each optional file -> where it comes from, and the part of the site it turns on
OPTIONAL = {
    "subgroups.yml": (FIXTURES / "minimal", "subgroups"),
    "members.csv": (FIXTURES / "minimal", "membership"),
    "indicators.yml": (FIXTURES / "minimal", "indicators"),
    "planner.yml": (FIXTURES / "minimal", "planner"),
    "budget.yml": (FIXTURES / "corpus-base", "budget"),
    "training.csv": (FIXTURES / "corpus-base", "training"),
    "reports": (FIXTURES / "report-year-end", "annual-report"),  # a folder: data/reports/
}
# the pages (URL prefixes) of each optional part
PART_URLS = {
    "subgroups": ["subgroups/", "about/structure/"],
    "membership": ["about/membership/"],
    "indicators": ["indicators/"],
    "planner": ["planner/"],
    "guide": ["guide/"],
    "annual-report": ["annual-report/"],
}
YOUNG_WORDS = "We want you to be safe online. We will help you and your family."


def board_with(tmp: Path, *files: str, young_people: bool = False) -> Path:
    data = tmp / "data"
    shutil.copytree(BARE, data)
    for name in files:
        source = OPTIONAL[name][0] / name
        if source.is_dir():
            shutil.copytree(source, data / name)
        else:
            shutil.copy(source, data / name)
        if name == "indicators.yml":
            shutil.copy(FIXTURES / "minimal" / "indicator_values.csv", data)
    if young_people:
        plan = data / "plans" / "plan-a.yml"
        text = plan.read_text(encoding="utf-8")
        text = text.replace("    title: Online safety\n", f"    title: Online safety\n"
                            f"    young_people: {YOUNG_WORDS}\n")  # fmt: skip
        plan.write_text(text, encoding="utf-8")
    return data


def mkdocs_nav() -> list[Any]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_MkDocsLoader)
    nav: list[Any] = config["nav"]
    return nav


def nav_paths(nav: list[Any]) -> list[str]:
    found: list[str] = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        found.extend(nav_paths(value) if isinstance(value, list) else [value])
    return found


# Without building: each optional part on its own --------------------------------------------


def test_a_bare_board_has_no_optional_part(tmp_path: Path) -> None:
    site = load_board_data(board_with(tmp_path))
    assert sections_on(site) == frozenset()
    assert [d.name for d in datasets(site)] == ["actions", "updates"]


@pytest.mark.parametrize("name", sorted(OPTIONAL))
def test_each_optional_file_turns_on_its_part_alone(name: str, tmp_path: Path) -> None:
    site = load_board_data(board_with(tmp_path, name))
    part = OPTIONAL[name][1]
    assert sections_on(site) == {part}
    published = [d.name for d in datasets(site)]
    expected_extra = [part] if part in {"indicators", "planner", "budget", "training"} else []
    assert published == ["actions", "updates", *expected_extra]
    # the menu keeps that part's pages, and no other optional part's
    gone = left_out(page_needs(DOCS), sections_on(site), lambda ref: False)
    kept = nav_paths(prune_nav(mkdocs_nav(), lambda p: p not in gone and (DOCS / p).is_file()))
    assert "planner.md" in kept if part == "planner" else "planner.md" not in kept
    assert ("about/membership.md" in kept) == (part == "membership")
    assert ("about/structure.md" in kept) == (part == "subgroups")
    # the yearly reports are generated pages: there only when the board has a report
    generated = {p.path for p in generated_pages(site)}
    assert ("annual-report/index.md" in generated) == (part == "annual-report")
    assert ("annual-report/2025-26.md" in generated) == (part == "annual-report")


def test_every_page_that_needs_a_part_names_a_real_one() -> None:
    needs = page_needs(DOCS)
    assert needs["about/membership.md"].parts == {"membership"}
    assert needs["index.md"].parts == frozenset()
    assert {p for n in needs.values() for p in n.parts} <= SECTION_KEYS


def test_make_check_says_once_which_parts_are_off_and_what_turns_each_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    board_with(tmp_path, "planner.yml", young_people=True)
    monkeypatch.chdir(tmp_path)
    assert check_main(["data"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines() == [
        "These parts of the site are off, because their data is not there (information):",
        "  - Indicators: add indicators.yml to turn it on",
        "  - Budget statement: add budget.yml to turn it on",
        "  - Training table: add training.csv to turn it on",
        "  - Membership: add members.csv to turn it on",
        "  - Subgroups and structure: add subgroups.yml to turn it on",
        "  - Annual report: add reports/<year>.yml to turn it on",
        "data: no problems found (1 plan, 3 actions, 0 indicators)",
    ]


# The young people's guide ------------------------------------------------------------------


def test_without_young_peoples_wording_there_is_no_guide_and_check_says_what_to_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = board_with(tmp_path)
    site = load_board_data(data)
    assert guide_pages(site) == []
    monkeypatch.chdir(tmp_path)
    assert check_main(["data"]) == 0
    assert capsys.readouterr().err == (
        "data/plans/plan-a.yml:13: priority 1 is left out of the young people's guide: it has no "
        "`young_people:` wording. To add it, write under its title `young_people: <two or three "
        "short sentences a 10-year-old can read>` (advice)\n"
    )


def test_only_priorities_with_young_peoples_wording_are_in_the_guide(tmp_path: Path) -> None:
    data = board_with(tmp_path, young_people=True)
    plan = data / "plans" / "plan-a.yml"
    plan.write_text(
        plan.read_text(encoding="utf-8")
        + '  - ref: "2"\n    title: Statutory assurance of multi-agency arrangements\n',
        encoding="utf-8",
    )
    site = load_board_data(data)
    assert [p.path for p in guide_pages(site)] == [
        "guide/index.md", "guide/goal-1.md", "guide/you-told-us.md",
        "guide/keeping-your-visit-private.md", "guide/leaflet.md",
    ]  # fmt: skip
    written = plan.read_text(encoding="utf-8").splitlines()
    title_line = written.index("    title: Statutory assurance of multi-agency arrangements") + 1
    assert [(a.file, a.line, a.message.split(":")[0]) for a in site.advice] == [
        (site.current_plan.source_file, title_line,
         "priority 2 is left out of the young people's guide")
    ]  # fmt: skip


def test_hard_young_peoples_wording_still_fails_naming_its_file_and_line(tmp_path: Path) -> None:
    hard = (
        "Notwithstanding considerable organisational complexity, practitioners systematically "
        "evaluate contemporaneous intelligence regarding exploitation vulnerabilities."
    )
    data = board_with(tmp_path, young_people=True)
    plan = data / "plans" / "plan-a.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(YOUNG_WORDS, hard), "utf-8")
    site = load_board_data(data)
    message = gate_message(site, "guide/goal-1.md", f"<p>{hard}</p>" * 5, DEFAULT_GRADE)
    assert message is not None
    assert message.splitlines()[1].endswith(f"written in {site.current_plan.source_file}:14")


def test_a_boards_own_pages_are_safe_markdown(tmp_path: Path) -> None:
    data = board_with(tmp_path)
    (data / "pages").mkdir()
    attack = (
        "## Welcome\n\nHello <script>alert(1)</script> [evil](javascript:alert(1))\n\n"
        "<img src=x onerror=alert(1)> [kept](https://example.org/)\n"
    )
    (data / "pages" / "home.md").write_text(attack, encoding="utf-8")
    site = load_board_data(data)
    text = narrative_macros(lambda: site, lambda: "index.md")["board_text"]("home")
    assert text == (
        '<h2>Welcome</h2>\n<p>Hello  <a rel="noopener noreferrer">evil</a></p>\n'
        '<p> <a href="https://example.org/" rel="noopener noreferrer">kept</a></p>'
    )


def test_an_unknown_page_in_the_pages_folder_is_named(tmp_path: Path) -> None:
    data = board_with(tmp_path)
    (data / "pages").mkdir()
    (data / "pages" / "foreword.md").write_text("Hello\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_board_data(data)
    assert [p.message for p in caught.value.problems.items] == [
        "unknown page `foreword.md`; the pages are: home.md (the home page, below the vision), "
        "about.md (the about page, above the board's objectives), membership.md (the membership "
        "page, above the list of members)"
    ]


# Identity from board.yml -------------------------------------------------------------------


def test_mkdocs_yml_and_docs_name_no_board() -> None:
    found = subprocess.run(
        ["grep", "-rli", "northvale", "mkdocs.yml", "plansite/starter_site", "plansite/theme"],
        cwd=ROOT, capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    assert found == []
    assert not (DOCS / "CNAME").exists()


def test_a_brand_colour_white_text_cannot_read_on_is_refused(tmp_path: Path) -> None:
    data = board_with(tmp_path)
    board = data / "board.yml"
    board.write_text(board.read_text(encoding="utf-8") + 'colour: "#ff8800"\n', "utf-8")
    with pytest.raises(DataError) as caught:
        load_board_data(data)
    assert [str(p) for p in caught.value.problems.items] == [
        f"{data / 'board.yml'}:4: colour `#ff8800` is too light: white text on it has a contrast "
        "of 2.39:1, and needs at least 4.50:1 to be read by everyone; choose a darker shade of it"
    ]


# Built sites: the bare board, and the same board with every optional part -----------------


def urls(site: Path) -> list[str]:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    prefix = "https://plans.testshire.example.org/"
    found = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert all(u.startswith(prefix) for u in found)
    return [u.removeprefix(prefix) for u in found]


def search_locations(site: Path) -> set[str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"].split("#")[0] for doc in index["docs"]}


def menu(site: Path) -> list[str]:
    nav = page(site, "").select_one("nav.md-nav--primary > ul")
    assert nav is not None
    return [
        next(
            c for c in item.children if getattr(c, "name", None) in ("a", "label", "div")
        ).get_text(" ", strip=True)
        for item in nav.find_all("li", recursive=False)
    ]


def every_file_text(site: Path) -> str:
    return "\n".join(
        p.read_bytes().decode("utf-8", "replace") for p in site.rglob("*") if p.is_file()
    )


@pytest.fixture(scope="module")
def bare_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("bare")
    result = run_build(board_with(tmp), tmp / "site", pdfs=False)
    assert result.returncode == 0, result.stderr
    return tmp / "site"


@pytest.fixture(scope="module")
def full_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("full")
    data = board_with(tmp, *OPTIONAL, young_people=True)
    (data / "crest.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/>'
        "</svg>\n",
        encoding="utf-8",
    )
    with (data / "board.yml").open("a", encoding="utf-8") as board:
        board.write('colour: "#5a2d82"\nlogo: crest.svg\n')
    (data / "pages").mkdir()
    (data / "pages" / "home.md").write_text("## Welcome\n\nOur own *welcome* words.\n", "utf-8")
    result = run_build(data, tmp / "site", pdfs=False)
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def test_the_bare_board_has_no_section_for_its_absent_parts(bare_site: Path) -> None:
    assert menu(bare_site) == ["Home", "Plans", "About the partnership", "Downloads"]
    for found in (urls(bare_site), search_locations(bare_site)):
        for part, prefixes in PART_URLS.items():
            assert not [u for u in found if u.startswith(tuple(prefixes))], part
    for part_page in ("planner", "indicators", "guide", "annual-report", "subgroups"):
        assert not (bare_site / part_page).exists()
    package = json.loads((bare_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == ["actions", "updates"]
    assert not (bare_site / "data" / "planner.csv").exists()
    assert not (bare_site / "reporting-planner.ics").exists()
    home = page(bare_site, "")
    assert home.select(".ps-header-guide") == []
    # the home page counts the current plan's actions (plansite/fragments/home/page.html)
    assert "1 of 3 actions complete" in " ".join(home.get_text().split())
    downloads = page(bare_site, "downloads/").get_text(" ", strip=True)
    assert "indicator catalogue" not in downloads


def test_another_boards_site_names_nothing_of_the_example(bare_site: Path) -> None:
    assert "northvale" not in every_file_text(bare_site).lower()
    assert "[not in this data" not in every_file_text(bare_site)
    assert (bare_site / "CNAME").read_text(encoding="utf-8") == "plans.testshire.example.org\n"
    title = page(bare_site, "").title
    assert title is not None
    assert title.get_text() == "Home - Testshire Safeguarding Children Partnership"


def test_every_optional_part_shows_when_its_file_is_there(full_site: Path) -> None:
    found = urls(full_site)
    search = search_locations(full_site)
    for part, prefixes in PART_URLS.items():
        assert [u for u in found if u.startswith(tuple(prefixes))], part
        assert [u for u in search if u.startswith(tuple(prefixes))], part
    report = page(full_site, "annual-report/")
    assert next(a["href"] for a in report.select("article a:not(.ps-term)")) == "2025-26/"
    package = json.loads((full_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == [
        "actions", "updates", "indicators", "planner", "budget", "training",
    ]  # fmt: skip
    assert (full_site / "reporting-planner.ics").is_file()
    assert menu(full_site) == [
        "Home", "Plans", "Indicators", "Annual report", "About the partnership",
        "Reporting planner", "Downloads", "Young people's guide",
    ]  # fmt: skip
    assert "northvale" not in every_file_text(full_site).lower()


def test_identity_and_prose_come_from_the_data_folder(full_site: Path) -> None:
    home = page(full_site, "")
    assert "--md-primary-fg-color: #5a2d82;" in (full_site / "stylesheets" / "board.css").read_text(
        encoding="utf-8"
    )
    stylesheets = [str(link["href"]) for link in home.find_all("link", rel="stylesheet")]
    assert stylesheets[-1].endswith("stylesheets/board.css")
    logo = home.select_one(".md-header .md-logo img")
    assert logo is not None and str(logo["src"]).endswith("assets/board/crest.svg")
    assert (full_site / "assets" / "board" / "crest.svg").is_file()
    welcome = home.find("h2", string="Welcome")
    assert welcome is not None
    assert "Our own welcome words." in home.get_text(" ", strip=True)
    assert home.select(".ps-header-guide")


# make new-board ----------------------------------------------------------------------------


def make_new_board(folder: Path | None, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE") and k != "DATA"}
    data = [f"DATA={folder}"] if folder else []
    return subprocess.run(
        ["make", "--no-print-directory", "new-board", *data, *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def test_make_new_board_writes_a_board_that_builds_at_once(tmp_path: Path) -> None:
    data = tmp_path / "eastmoor"
    args = ["NAME=Eastmoor Safeguarding Children Partnership", "AREA=Eastmoor",
            "URL=https://plans.eastmoor-scp.org.uk"]  # fmt: skip
    made = make_new_board(data, *args)
    assert made.returncode == 0, made.stderr
    assert sorted(p.relative_to(data).as_posix() for p in data.rglob("*.yml")) == [
        "board.yml", f"plans/{next((data / 'plans').glob('*.yml')).name}",
    ]  # fmt: skip
    board = yaml.safe_load((data / "board.yml").read_text(encoding="utf-8"))
    assert board["site_url"] == "https://plans.eastmoor-scp.org.uk/"
    assert board["short_name"] == "ESCP"
    plan_text = next((data / "plans").glob("*.yml")).read_text(encoding="utf-8")
    plan = yaml.safe_load(plan_text)
    assert len(plan["priorities"][0]["actions"]) == 3
    assert plan_text.count("#") >= 15  # fields are explained where they are written
    site = tmp_path / "site"
    built = run_build(data, site, pdfs=False)
    assert built.returncode == 0, built.stderr
    assert (site / "CNAME").read_text(encoding="utf-8") == "plans.eastmoor-scp.org.uk\n"
    assert "northvale" not in every_file_text(site).lower()

    again = make_new_board(data, *args)
    assert again.returncode != 0
    assert f"{data}/board.yml already exists: make new-board never overwrites a board" in (
        again.stderr
    )


def test_make_new_board_refuses_an_address_that_is_not_one(tmp_path: Path) -> None:
    made = make_new_board(tmp_path / "x", "NAME=X Board", "AREA=X", "URL=plans.example")
    assert made.returncode != 0
    assert "URL=plans.example/ is not a web address: write it starting https://" in made.stderr
    assert not (tmp_path / "x" / "board.yml").exists()


def test_make_new_board_replaces_the_example_only_as_cloned(tmp_path: Path) -> None:
    """In a fresh clone `make new-board` replaces the example board (git keeps it); once anything
    in the folder is edited, it refuses, so an editor's board is never lost."""
    clone = tmp_path / "clone"
    shutil.copytree(ROOT / "data", clone / "data")
    git = ["git", "-C", str(clone), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    for command in (["init", "-q"], ["add", "data"], ["commit", "-q", "-m", "example"]):
        subprocess.run([*git, *command], check=True, capture_output=True)
    data = clone / "data"
    edited = data / "board.yml"
    edited.write_text(edited.read_text("utf-8") + "# an edit\n", "utf-8")
    refused = make_new_board(data, "NAME=X Board", "AREA=X", "URL=https://x.example.org")
    assert refused.returncode != 0
    assert f"{data}/board.yml already exists: make new-board never overwrites a board" in (
        refused.stderr
    )
    assert edited.read_text("utf-8").endswith("# an edit\n")
    subprocess.run([*git, "checkout", "-q", "--", "data"], check=True)
    made = make_new_board(data, "NAME=X Board", "AREA=X", "URL=https://x.example.org")
    assert made.returncode == 0, made.stderr
    assert f"Replaced the example board in {data}" in made.stdout
    assert yaml.safe_load(edited.read_text("utf-8"))["name"] == "X Board"
    assert [p.name for p in (data / "plans").glob("*.yml")] != []
    assert not (data / "indicators.yml").exists()  # the example's other files went with it


def test_make_new_board_asks_for_what_is_not_given(tmp_path: Path) -> None:
    answers = "Westdale Safeguarding Partnership\nWestdale\nhttps://plans.westdale.example.org/\n"
    made = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-m", "plansite", "new-board", "--data",
         str(tmp_path)],
        cwd=ROOT, input=answers, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("The board's name (e.g. Eastmoor Safeguarding Children")
    board = yaml.safe_load((tmp_path / "board.yml").read_text(encoding="utf-8"))
    assert (board["name"], board["area"], board["site_url"]) == (
        "Westdale Safeguarding Partnership", "Westdale", "https://plans.westdale.example.org/",
    )  # fmt: skip
    assert load_board_data(tmp_path).current_plan.title.startswith("Business plan ")


def test_the_most_recent_plan_is_current_when_none_is_marked(tmp_path: Path) -> None:
    """A board that marks no plan `current: true` still builds: its only plan, or its most
    recent one (with a note on how to choose another), is shown first."""
    data = tmp_path / "data"
    shutil.copytree(Path(__file__).parent / "fixtures" / "corpus-base", data)
    plan_a = data / "plans" / "plan-a.yml"
    plan_a.write_text(plan_a.read_text("utf-8").replace("current: true\n", ""), "utf-8")
    assert load_board_data(data).current_plan.id == "plan-a"
    older = plan_a.read_text("utf-8").replace("id: plan-a", "id: plan-old")
    (data / "plans" / "plan-old.yml").write_text(
        re.sub(r"(?m)^as_at: .*$", "as_at: 2026-01-31", older), "utf-8"
    )
    site = load_board_data(data)
    assert site.current_plan.id == "plan-a"
    assert [str(a) for a in site.advice if "current" in a.message] == [
        f"{plan_a}:1: no plan has `current: true`, so `plan-a` (the most recent) is shown first; "
        "add `current: true` to the plan that should be"
    ]
