"""The /admin/ forms (issue 23, part 5): Decap CMS's configuration generated from the plan model's
JSON Schema and the board's plans, the plan files' YAML format that changes only what a form
changed, and the forms driven in Chromium against the local git proxy (decap-server)."""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from plansite.load import load_board_data
from plansite.publish import admin, admin_config
from tests.conftest import BROWSER_TIMEOUT_MS, FIXTURES, ROOT, page, run_build
from tests.gates.conftest import serving

DECAP_SERVER = ROOT / "node_modules" / ".bin" / "decap-server"
PLAN_YAML = ROOT / "plansite" / "theme" / "admin" / "plansite-yaml.js"
NEW_UPDATE = "Strategy checked again with the new head teachers."


# --- the generated configuration -----------------------------------------------------------


@pytest.fixture(scope="module")
def example() -> Any:
    return load_board_data(ROOT / "data")


def plan_forms(made: dict[str, Any], plan_id: str) -> dict[str, Any]:
    [forms] = [f for f in made["collections"][0]["files"] if f["name"] == plan_id]
    return forms


def action_form(forms: dict[str, Any]) -> list[dict[str, Any]]:
    """The fields of an action, wherever the plan keeps its actions."""
    [priorities] = forms["fields"]
    fields: list[dict[str, Any]] = priorities["fields"]
    while fields[0]["name"] != "status":
        fields = fields[-1]["fields"]
    return fields


def by_name(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in fields}


def test_one_form_per_plan_in_the_repository_folder(example: Any) -> None:
    made = admin_config.config(example, "data", repo="board/site")
    files = made["collections"][0]["files"]
    assert [f["file"] for f in files] == [
        "data/plans/business-plan-2025-28.yml",
        "data/plans/improvement-plan-2026.yml",
        "data/plans/business-plan-2022-25.yml",
    ]
    assert files[0]["label"] == "Business Plan 2025 to 2028"
    assert made["backend"] == {
        "name": "github",
        "repo": "board/site",
        "branch": "main",
        "auth_methods": ["token"],  # no OAuth client named: Sveltia signs in with a token
    }
    assert made["local_backend"] == {"url": "http://localhost:8081/api/v1"}
    assert made["collections"][0]["format"] == "plansite-yaml"


def test_status_options_are_each_plans_status_words(example: Any) -> None:
    made = admin_config.config(example, "data", repo="board/site")
    for plan in example.plans:
        fields = by_name(action_form(plan_forms(made, plan.id)))
        options = fields["status"]["options"]
        assert options == [{"label": s.label, "value": s.key} for s in plan.statuses]
        update = by_name(fields["updates"]["fields"])
        assert update["status"]["options"] == options
    plan_2025 = by_name(action_form(plan_forms(made, "business-plan-2025-28")))
    assert [o["label"] for o in plan_2025["status"]["options"]] == [
        "Complete",
        "On target",
        "Off target",
    ]


def test_preset_plans_offer_the_presets_words() -> None:
    site = load_board_data(FIXTURES / "any-board")
    made = admin_config.config(site, "board", repo="board/site")
    phrases = by_name(action_form(plan_forms(made, "phrases-plan")))["status"]["options"]
    assert [o["label"] for o in phrases][:4] == [
        "Completed",
        "Not yet completed but on-track",
        "Not yet started",
        "Not yet completed and off-track",
    ]


def test_fields_are_labelled_from_the_json_schema(example: Any) -> None:
    schema = json.loads((ROOT / "data" / "schemas" / "plan.schema.json").read_text())
    action_schema = schema["$defs"]["Action"]["properties"]
    made = admin_config.config(example, "data", repo="board/site")
    fields = by_name(action_form(plan_forms(made, "business-plan-2025-28")))
    assert fields["due"]["label"] == action_schema["due"]["title"] == "Due"
    assert fields["due"]["hint"] == action_schema["due"]["description"]
    # due dates are free text: boards write "End of Nov 25"
    assert fields["due"]["widget"] == "string"
    assert fields["leads"]["widget"] == "list" and fields["leads"]["field"]["widget"] == "string"
    assert list(by_name(fields["updates"]["fields"])) == ["date", "status", "text"]


@pytest.mark.parametrize(
    "written", ["2025-12", "2025-12-14", "Dec 25", "December 2025", "Sept 25", "JUNE 2026"]
)
def test_update_dates_take_what_the_data_format_takes(written: str) -> None:
    assert re.match(admin_config.UPDATE_DATE, written)


@pytest.mark.parametrize("written", ["next week", "Week 25", "14/12/2025", "2025", ""])
def test_update_dates_refuse_other_words(written: str) -> None:
    assert not re.match(admin_config.UPDATE_DATE, written)


def test_issues_list_only_for_plans_with_issues(example: Any) -> None:
    made = admin_config.config(example, "data", repo="board/site")
    for plan in example.plans:
        [priorities] = plan_forms(made, plan.id)["fields"]
        names = [f["name"] for f in priorities["fields"]]
        assert ("issues" in names) == any(p.issues for p in plan.priorities)
        assert ("actions" in names) == any(p.actions for p in plan.priorities)


def test_config_file_names_the_repository_from_github_actions(
    example: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_REPOSITORY", "eastmoor-scp/plans")
    monkeypatch.delenv("GITHUB_REF_NAME", raising=False)
    monkeypatch.setenv("PLANSITE_CMS_PORT", "8099")
    monkeypatch.setenv("PLANSITE_CMS_AUTH_URL", "https://auth.eastmoor-scp.org.uk")
    published = admin.files(example, ROOT / "data")
    made = yaml.safe_load(published["admin/config.yml"])
    assert made["backend"] == {
        "name": "github",
        "repo": "eastmoor-scp/plans",
        "branch": "main",
        "base_url": "https://auth.eastmoor-scp.org.uk",
    }
    assert made["local_backend"]["url"] == "http://localhost:8099/api/v1"
    assert "&id" not in published["admin/config.yml"].decode()  # each form written out
    assert made["collections"][0]["files"][0]["file"] == "data/plans/business-plan-2025-28.yml"


def test_repository_path_is_inside_the_git_repository(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "boards" / "eastmoor").mkdir(parents=True)
    assert admin.repository_path(tmp_path / "boards" / "eastmoor") == "boards/eastmoor"


# --- the plan files' YAML format (plansite/theme/admin/plansite-yaml.js), run in Node --------------


def node_round_trip(source: str, edit: str) -> str:
    """The file as the forms would save it after `edit` (JavaScript changing `data`)."""
    script = f"""
import {{ planYaml }} from {json.dumps(PLAN_YAML.as_uri())};
const source = {json.dumps(source)};
const data = planYaml.fromFile(source);
{edit}
process.stdout.write(planYaml.toFile(data));
"""
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


COMMENTED_PLAN = """\
# yaml-language-server: $schema=../schemas/plan.schema.json
id: plan-a
title: Plan A
current: true
priorities:
  - ref: "1"   # the board's numbering
    title: Online safety
    actions:
      - ref: 1.10
        title: Review the strategy
        leads: [PPPG]
        due: End of Nov 25   # moved from September
        status: 'amber'
        updates:
          - {date: 2025-09, text: Draft written., status: amber}

      - ref: 1.2
        title: Train staff
        due: Mar-26
"""


def test_a_file_saved_unchanged_is_the_same_bytes() -> None:
    for path in [
        *sorted((ROOT / "data" / "plans").glob("*.yml")),
        FIXTURES / "minimal/plans/plan-a.yml",
    ]:
        source = path.read_text(encoding="utf-8")
        assert node_round_trip(source, "") == source, path


def test_a_form_edit_changes_only_its_own_lines() -> None:
    edit = """
const action = data.priorities[0].actions[0];
action.status = 'green';
action.leads = ['PPPG', 'Head of Education'];
action.updates.push({date: '2026-06', text: 'Strategy agreed: see the minutes.', status: 'green'});
"""
    saved = node_round_trip(COMMENTED_PLAN, edit)
    changed = [
        line
        for line in difflib.unified_diff(COMMENTED_PLAN.splitlines(), saved.splitlines(), n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed == [
        "-        leads: [PPPG]",
        "+        leads: [PPPG, Head of Education]",
        "-        status: 'amber'",
        "+        status: 'green'",
        '+          - {date: 2026-06, text: "Strategy agreed: see the minutes.", status: green}',
    ]
    assert "ref: 1.10" in saved  # never the number 1.1


def test_a_new_update_leaves_out_what_the_form_left_empty() -> None:
    edit = """
const action = data.priorities[0].actions[1];
action.updates = [{date: '2026-07', status: '', text: 'Dates set for the first session.'}];
"""
    saved = node_round_trip(COMMENTED_PLAN, edit)
    assert saved == COMMENTED_PLAN + (
        "        updates:\n          - date: 2026-07\n            text: Dates set for the first session.\n"
    )


ONE_LEAD = """\
priorities:
  - ref: "1"
    actions:
      - ref: "1.1"
        lead: PPPG   # the chair's group
        due: Mar-26
"""


def test_one_lead_is_shown_in_the_leads_list() -> None:
    shown = node_round_trip(ONE_LEAD, "process.stdout.write(JSON.stringify(data) + '\\n');")
    first = json.loads(shown.splitlines()[0])
    assert first["priorities"][0]["actions"][0]["leads"] == ["PPPG"]
    assert "lead" not in first["priorities"][0]["actions"][0]


def test_one_lead_changed_stays_on_its_line() -> None:
    saved = node_round_trip(ONE_LEAD, "data.priorities[0].actions[0].leads = ['LSCP'];")
    # the changed line is the yaml library's: one space before its comment
    assert saved == ONE_LEAD.replace("lead: PPPG   #", "lead: LSCP #")


def test_a_second_lead_makes_a_leads_list() -> None:
    edit = "data.priorities[0].actions[0].leads.push('Head of Service, Early Help');"
    saved = node_round_trip(ONE_LEAD, edit)
    assert saved == ONE_LEAD.replace("        lead: PPPG   # the chair's group\n", "") + (
        "        leads:\n          - PPPG\n          - Head of Service, Early Help\n"
    )


def test_an_emptied_field_is_left_out() -> None:
    saved = node_round_trip(COMMENTED_PLAN, "data.priorities[0].actions[1].due = '';")
    assert saved == COMMENTED_PLAN.replace("        due: Mar-26\n", "")


# --- the forms in Chromium, against the local git proxy --------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 300  # generous: node starts slowly on a busy machine
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"decap-server stopped: {log.read_text()}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail(f"decap-server did not listen on {port}: {log.read_text()}")


@pytest.fixture(scope="module")
def board_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository holding a small board in `board/`, with a comment in its plan."""
    repo = tmp_path_factory.mktemp("admin-repo")
    shutil.copytree(FIXTURES / "minimal", repo / "board")
    plan = repo / "board" / "plans" / "plan-a.yml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("due: End of Nov 25\n", "due: End of Nov 25   # agreed in May\n"))
    git = ["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "board"], check=True)
    return repo


@pytest.fixture(scope="module")
def forms_run(
    board_repo: Path, chromium: Any, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """Build the board's site, start the local git proxy, and in Chromium change action 1.1's
    status and add an update through /admin/. What the browser asked for is recorded."""
    if not DECAP_SERVER.exists():
        pytest.fail("node_modules has no decap-server: run scripts/install-test-tools.sh")
    board = board_repo / "board"
    before = (board / "plans" / "plan-a.yml").read_text(encoding="utf-8")
    out = tmp_path_factory.mktemp("admin-site")
    port = free_port()
    built = run_build(
        board, out / "site", pdfs=False, PLANSITE_CMS_PORT=str(port), PLANSITE_CACHE=""
    )
    assert built.returncode == 0, built.stderr
    log = out / "decap-server.log"
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1"}
    env["GIT_REPO_DIRECTORY"] = str(board_repo)
    with log.open("wb") as written:
        proxy = subprocess.Popen(
            [str(DECAP_SERVER)], cwd=board_repo, env=env, stdout=written, stderr=subprocess.STDOUT
        )
    requests: list[str] = []
    screenshot = out / "admin-form.png"
    try:
        wait_for_port(port, proxy, log)
        with serving(out / "site") as address:
            tab = chromium.new_page(viewport={"width": 1280, "height": 1000})
            try:
                tab.set_default_timeout(BROWSER_TIMEOUT_MS)  # a busy machine is slow, not wrong
                tab.on("request", lambda r: requests.append(r.url))
                drive_the_forms(tab, f"{address}admin/", screenshot)
            finally:
                tab.close()
    finally:
        proxy.terminate()
        proxy.wait(timeout=10)
    after = (board / "plans" / "plan-a.yml").read_text(encoding="utf-8")
    return {"before": before, "after": after, "requests": requests, "site": out / "site"}


def drive_the_forms(tab: Any, admin_url: str, screenshot: Path) -> None:
    tab.goto(admin_url)
    tab.get_by_role("button", name="Login").click()  # the local proxy's sign-in: no password
    tab.goto(admin_url + "#/collections/plans/entries/plan-a")

    def expand(summary: str) -> None:
        label = f"//div[contains(@class,'NestedObjectLabel')][normalize-space()='{summary}']"
        tab.locator(f"xpath={label}/preceding-sibling::div[1]//button").first.click()

    expand("1. Online safety")
    expand("1 Check schools keep pupils safe online")
    expand("1.1 Review the strategy")
    status = tab.locator("input[role=combobox]:visible").first
    status.focus()
    status.press("ArrowDown")
    tab.get_by_role("option", name="On target").click()
    tab.get_by_role("button", name="Add update").first.click()
    tab.get_by_role("textbox", name="Date").last.fill("2026-06")
    tab.get_by_role("textbox", name="Text").last.fill(NEW_UPDATE)
    if keep := os.environ.get("PLANSITE_ADMIN_SCREENSHOT"):  # to look at the form
        tab.screenshot(path=str(screenshot), full_page=True)
        shutil.copy(screenshot, keep)
    tab.get_by_role("button", name="Publish").click()
    tab.get_by_text("Publish now").click()
    tab.get_by_text("Entry saved").wait_for()


def test_a_form_edit_changes_only_its_lines_on_disk(forms_run: dict[str, Any]) -> None:
    changed = [
        line
        for line in difflib.unified_diff(
            forms_run["before"].splitlines(), forms_run["after"].splitlines(), n=0
        )
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed == [
        "-            status: green",
        "+            status: amber",
        f"+              - {{date: 2026-06, text: {NEW_UPDATE}}}",
    ]
    assert "due: End of Nov 25   # agreed in May" in forms_run["after"]


def test_make_check_accepts_the_saved_plan(board_repo: Path, forms_run: dict[str, Any]) -> None:
    checked = subprocess.run(
        [sys.executable, "-m", "plansite.check", str(board_repo / "board")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_built_site_shows_the_change(
    board_repo: Path, forms_run: dict[str, Any], tmp_path: Path
) -> None:
    built = run_build(board_repo / "board", tmp_path / "site", pdfs=False, PLANSITE_CACHE="")
    assert built.returncode == 0, built.stderr

    def action(site: Path) -> Any:
        """The action's row in the priority's table and the row of its details under it."""
        row = page(site, "plans/plan-a/priority-1/").find(id="action-1-1").find_parent("tr")
        more = row.find_next_sibling("tr", class_="ps-action-more")
        return BeautifulSoup(f"<table>{row}{more}</table>", "html.parser")

    def status(section: Any) -> str:
        return str(section.select_one('td[data-label="Status"]').get_text(strip=True))

    before, after = action(forms_run["site"]), action(tmp_path / "site")
    assert (status(before), status(after)) == ("Complete", "On target")
    assert NEW_UPDATE not in before.get_text(" ", strip=True)
    assert "Progress: 3 dated updates, newest first" in after.get_text(" ", strip=True)
    newest = after.find("ol", class_="ps-history-list").find("li")
    assert newest.find("time")["datetime"] == "2026-06"
    assert newest.get_text(" ", strip=True).endswith(NEW_UPDATE)


def test_the_forms_ask_nothing_of_another_host(forms_run: dict[str, Any]) -> None:
    hosts = {urlsplit(url).hostname for url in forms_run["requests"]}
    assert hosts == {"127.0.0.1", "localhost"}  # the site, and the local git proxy
    scripts = {urlsplit(u).path for u in forms_run["requests"] if u.endswith(".js")}
    assert "/admin/decap-cms.js" in scripts


def test_the_admin_page_is_not_public_content(forms_run: dict[str, Any]) -> None:
    site = forms_run["site"]
    admin_page = page(site, "admin/")
    assert admin_page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    assert "admin" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if "admin" in d["location"]]
    assert "admin/" not in page(site, "").find("nav").decode()


def test_the_admin_page_is_valid_html(forms_run: dict[str, Any]) -> None:
    """The quality gates leave /admin/ out (tests/gates/conftest.py): its own page is checked
    here; what the CMS draws inside it is Decap's."""
    from tests.gates.test_html_validity import vnu_errors

    assert vnu_errors([forms_run["site"] / "admin" / "index.html"]) == []


def test_the_gates_leave_the_admin_page_out(forms_run: dict[str, Any]) -> None:
    from tests.gates.conftest import html_pages

    pages = html_pages(forms_run["site"])
    assert forms_run["site"] / "admin" / "index.html" not in pages
    assert forms_run["site"] / "index.html" in pages


def test_the_github_status_check_is_refused() -> None:
    """Signed in to GitHub, Decap asks www.githubstatus.com on a timer: refused in the page."""
    guard = (ROOT / "plansite" / "theme" / "admin" / "only-github.js").as_uri()
    script = f"""
import {{ refuseStatusChecks }} from {json.dumps(guard)};
const asked = [];
const page = {{ location: {{ href: 'https://plans.example.org/admin/' }},
  fetch: async (input) => {{ asked.push(String(input)); return 'answered'; }} }};
refuseStatusChecks(page);
const status = await page.fetch('https://www.githubstatus.com/api/v2/components.json')
  .then(() => 'answered', (error) => error.message);
const api = await page.fetch('https://api.github.com/user');
const own = await page.fetch('config.yml');
process.stdout.write(JSON.stringify({{ status, api, own, asked }}));
"""
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "status": "not asked: www.githubstatus.com",
        "api": "answered",
        "own": "answered",
        "asked": ["https://api.github.com/user", "config.yml"],
    }
