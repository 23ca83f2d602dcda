"""Signing in to the published /admin/ page (issue 23, part 5): Sveltia CMS, vendored from the npm
package package.json pins and served from the site itself, offers GitHub's token sign-in with no
server, asks no other host while it does, and saves the plan files through the same format as
Decap (plansite/theme/admin/plansite-yaml.js), with what Sveltia itself changes shown exactly."""

from __future__ import annotations

import difflib
import inspect
import json
import mimetypes
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from scripts import ci_publish, vendor_cms
from tests.conftest import BROWSER_TIMEOUT_MS, FIXTURES, ROOT, page, run_build
from tests.test_admin_forms import COMMENTED_PLAN, PLAN_YAML

# the published site as GitHub Pages serves a project site: its own address, under /plans/
HOST = "eastmoor-scp.github.io"
PREFIX = "/plans/"
ADMIN_URL = f"https://{HOST}{PREFIX}admin/"
TOKEN_PAGE = (
    "https://github.com/settings/personal-access-tokens/new?name=Sveltia+CMS&contents=write"
)


# --- the vendored script is the pinned package's ---------------------------------------------


def test_the_vendored_cms_is_the_pinned_package() -> None:
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    pinned = vendor_cms.pinned_version()
    assert lock["packages"]["node_modules/@sveltia/cms"]["version"] == pinned == "0.221.1"
    assert vendor_cms.installed_version() == pinned, "run scripts/install-test-tools.sh"
    for source, copy in vendor_cms.FILES.items():
        installed = (vendor_cms.INSTALLED / source).read_bytes()
        assert (vendor_cms.ADMIN / copy).read_bytes() == installed, copy


def test_the_vendored_script_differs_only_in_its_fonts_addresses() -> None:
    original = (vendor_cms.INSTALLED / "dist" / "sveltia-cms.js").read_text(encoding="utf-8")
    copy = (vendor_cms.ADMIN / "sveltia-cms.js").read_text(encoding="utf-8")
    assert original.count(vendor_cms.FONTS_CDN) == 3 and vendor_cms.FONTS_CDN not in copy
    changed = [
        (a, b)
        for a, b in zip(original.split("src:url("), copy.split("src:url("), strict=True)
        if a != b
    ]
    assert [b.split(")")[0] for _, b in changed] == [
        "fonts/source-sans-3-latin-wght-normal.woff2",
        "fonts/noto-mono-latin-400-normal.woff2",
        "fonts/material-symbols-outlined-latin-wght-normal.woff2",
    ]
    # past each address, the script is the package's
    assert [a.split(")", 1)[1] for a, _ in changed] == [b.split(")", 1)[1] for _, b in changed]
    for address, (package, file) in vendor_cms.FONT_FILES.items():
        assert vendor_cms.installed_version(package) == vendor_cms.pinned_version(package)
        font = (ROOT / "node_modules" / package / file).read_bytes()
        assert (vendor_cms.ADMIN / vendor_cms.font_copy(address)).read_bytes() == font


# --- the published page, in Chromium ------------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A board's site built as the publish workflow builds it (GitHub Actions names the
    repository), with no OAuth client."""
    out = tmp_path_factory.mktemp("signin") / "site"
    built = run_build(
        FIXTURES / "minimal",
        out,
        pdfs=False,
        PLANSITE_CACHE="",
        GITHUB_REPOSITORY="eastmoor-scp/plans",
        GITHUB_REF_NAME="main",
        PLANSITE_CMS_AUTH_URL="",
    )
    assert built.returncode == 0, built.stderr
    return out


def serve_from(
    site: Path, route: Any, asked: list[str], host: str = HOST, prefix: str = PREFIX
) -> None:
    """The site's own files at its address; any other host is recorded and refused."""
    url = urlsplit(route.request.url)
    asked.append(route.request.url)
    if url.hostname != host or not url.path.startswith(prefix):
        route.abort()
        return
    path = site / url.path[len(prefix) :]
    if url.path.endswith("/"):
        path = path / "index.html"
    if not path.is_file():
        route.fulfill(status=404, body="not found")
        return
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    route.fulfill(status=200, body=path.read_bytes(), headers={"Content-Type": kind})


@pytest.fixture(scope="module")
def signin(
    published: Path, chromium: Any, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """Open the published /admin/ page and its token sign-in, as a manager would."""
    asked: list[str] = []
    errors: list[str] = []
    tab = chromium.new_page(viewport={"width": 1280, "height": 900})
    tab.set_default_timeout(BROWSER_TIMEOUT_MS)  # a busy machine is slow, not wrong
    tab.route("**/*", lambda route: serve_from(published, route, asked))
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(ADMIN_URL)
    token_button = tab.get_by_role("button", name="Sign In Using Access Token")
    token_button.wait_for(timeout=BROWSER_TIMEOUT_MS)
    buttons = [b.inner_text().strip() for b in tab.get_by_role("button").all()]
    token_button.click()
    box = tab.get_by_role("textbox", name="Personal Access Token")
    box.wait_for()
    # Sveltia's prompt: a dialog or an alertdialog, whichever its version writes
    dialog = tab.locator("[role=dialog], [role=alertdialog]").filter(has=box)
    found = {
        "buttons": buttons,
        "dialog": dialog.inner_text(),
        "token box": box.count(),
        "token link": dialog.get_by_role("link").first.get_attribute("href"),
        "asked": asked,
        "errors": errors,
    }
    tab.screenshot(path=str(tmp_path_factory.mktemp("shot") / "signin.png"))
    tab.close()
    return found


def test_the_page_offers_sign_in_with_a_token_only(signin: dict[str, Any]) -> None:
    # no OAuth client: "Sign In with GitHub" would fail, so it is not offered
    assert signin["buttons"] == ["Sign In Using Access Token"]
    assert signin["token box"] == 1
    assert "It must have read/write access to the repository content." in signin["dialog"]
    # the link in the dialog opens GitHub's page for a fine-grained token, contents write
    assert signin["token link"] == TOKEN_PAGE
    assert signin["errors"] == []


def test_the_page_asks_no_other_host(signin: dict[str, Any]) -> None:
    hosts = {urlsplit(url).hostname for url in signin["asked"]}
    assert hosts == {HOST}, sorted(u for u in signin["asked"] if HOST not in u)


def test_the_cms_script_comes_from_the_site(signin: dict[str, Any], published: Path) -> None:
    scripts = [urlsplit(u).path for u in signin["asked"] if u.endswith(".js")]
    assert f"{PREFIX}admin/sveltia-cms.js" in scripts
    assert f"{PREFIX}admin/decap-cms.js" not in scripts  # Decap is for this machine only
    paths = [urlsplit(u).path for u in signin["asked"]]
    assert f"{PREFIX}admin/config.yml" in paths
    assert f"{PREFIX}admin/fonts/material-symbols-outlined-latin-wght-normal.woff2" in paths
    sources = [s["src"] for s in page(published, "admin/").find_all("script")]
    assert sources == ["manual-init.js", "plansite-admin.js"]  # the site's own, relative


def test_the_published_config_names_the_repository(published: Path) -> None:
    made = yaml.safe_load((published / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert made["backend"] == {
        "name": "github",
        "repo": "eastmoor-scp/plans",
        "branch": "main",
        "auth_methods": ["token"],
    }


def test_the_admin_page_is_not_public_content(published: Path) -> None:
    admin_page = page(published, "admin/")
    assert admin_page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    assert "admin" not in (published / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((published / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [d["location"] for d in index["docs"] if "admin" in d["location"]] == []
    assert "admin/" not in page(published, "").find("nav").decode()


def test_the_cms_is_chosen_by_the_address() -> None:
    chooser = (ROOT / "plansite" / "theme" / "admin" / "which-cms.js").as_uri()
    script = f"""
import {{ cmsScript }} from {json.dumps(chooser)};
const hosts = ['{HOST}', 'plans.eastmoor-scp.org.uk', 'localhost', '127.0.0.1'];
process.stdout.write(JSON.stringify(hosts.map(cmsScript)));
"""
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [
        "sveltia-cms.js",
        "sveltia-cms.js",
        "decap-cms.js",
        "decap-cms.js",
    ]


# --- a save through Sveltia: what it changes, and that make check accepts it ----------------

# Sveltia 0.221.1 calls a custom format as src/lib/services/contents/file/parse.js and
# format.js do: the file's text trimmed and with CRLF made LF before fromFile, and toFile's
# text trimmed with one new line after. Its editor keeps the keys it has no field for (the
# remainder in draft/save/serialize.js), so the file's own text comes back to toFile.
SVELTIA_SAVE = """
import {{ planYaml }} from {module};
const source = {source};
const data = planYaml.fromFile(source.trim().replace(/\\r\\n?/g, '\\n'));
{edit}
process.stdout.write(`${{planYaml.toFile(data).trim()}}\\n`);
"""


def sveltia_round_trip(source: str, edit: str = "") -> str:
    script = SVELTIA_SAVE.format(
        module=json.dumps(PLAN_YAML.as_uri()), source=json.dumps(source), edit=edit
    )
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_every_example_plan_saved_unchanged_through_sveltia_keeps_every_line() -> None:
    for path in sorted((ROOT / "data" / "plans").glob("*.yml")):
        source = path.read_text(encoding="utf-8")
        # Sveltia ends the file with a new line if it had none (as Decap does)
        ended = source if source.endswith("\n") else source + "\n"
        assert sveltia_round_trip(source) == ended, path


def test_an_edit_through_sveltia_changes_only_its_lines() -> None:
    # Sveltia writes an optional field the form left empty as "": the format leaves it out
    edit = """
const action = data.priorities[0].actions[0];
action.status = 'green';
action.updates.push({date: '2026-06', status: '', text: 'Agreed at the June board.'});
"""
    saved = sveltia_round_trip(COMMENTED_PLAN, edit)
    changed = [
        line
        for line in difflib.unified_diff(COMMENTED_PLAN.splitlines(), saved.splitlines(), n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed == [
        "-        status: 'amber'",
        "+        status: 'green'",
        "+          - {date: 2026-06, text: Agreed at the June board.}",
    ]


# --- a real save through Sveltia, in Chromium ---------------------------------------------------
#
# Sveltia has no backend for the local git proxy; on a *.localhost address it offers "Work with
# Local Repository", which edits a folder the browser's directory picker gives it. Here the
# picker gives the browser's own private folder (OPFS), holding the board's repository: the
# save goes through Sveltia's editor and the plan format, as on GitHub, and the file is read
# back from that folder.

LOCAL = "plans.localhost"
NEW_UPDATE = "Checked again with the new head teachers."
PICKER = """
window.showDirectoryPicker = async () => {
  const root = await navigator.storage.getDirectory();
  await root.getDirectoryHandle('.git', { create: true });
  const board = await root.getDirectoryHandle('board', { create: true });
  const plans = await board.getDirectoryHandle('plans', { create: true });
  const file = await plans.getFileHandle('plan-a.yml', { create: true });
  const writing = await file.createWritable();
  await writing.write(%s);
  await writing.close();
  return root;
};
"""
# resolves once the page has drawn everything its last event changed (two animation frames)
DRAWN = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
READ_BACK = """async () => {
  const root = await navigator.storage.getDirectory();
  const board = await root.getDirectoryHandle('board');
  const plans = await board.getDirectoryHandle('plans');
  const file = await plans.getFileHandle('plan-a.yml');
  return (await file.getFile()).text();
}"""


def open_entry(tab: Any, address: str, shown: Any) -> None:
    """Go to an entry's address until the editor shows `shown`, within BROWSER_TIMEOUT_MS in
    all. Sveltia can drop a change of address made while it is still reading the repository
    (seen once in a quiet clean-clone run: the list stayed, and no wait would have ended), so
    the address is given again every 20 s; a slow machine only takes more turns."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    deadline = time.monotonic() + BROWSER_TIMEOUT_MS / 1000
    while True:
        tab.goto(address)
        try:
            shown.first.wait_for(timeout=20_000)
            return
        except PlaywrightTimeout:
            if time.monotonic() > deadline:
                raise


def drawn_values(tab: Any, boxes: Any) -> list[str]:
    """The boxes' values once the form has stopped drawing them: the same list twice running,
    none empty. An update opened a moment ago can show its box before its value."""
    last: list[str] | None = None
    deadline = time.monotonic() + BROWSER_TIMEOUT_MS / 1000
    while True:
        tab.evaluate(DRAWN)
        values = [box.input_value() for box in boxes.all()]
        if values == last and "" not in values:
            return values
        assert time.monotonic() < deadline, f"the form's boxes never settled: {values}"
        last = values
        tab.wait_for_timeout(250)


def add_update(tab: Any, dates: Any) -> Any:
    """Press "Add update" until the form shows one more Date box, empty; that box.
    A press can be lost: in a quiet run the list was still opening, the button moved under the
    pointer, and no update was added (the count of updates stayed 3). An added update draws
    its box within the same event, so one not there 15 s after a press the page has handled
    (`DRAWN`) was never added, and pressing again cannot add two."""
    add = tab.get_by_role("button", name=re.compile("^Add .update.$")).first
    had = drawn_values(tab, dates)
    deadline = time.monotonic() + BROWSER_TIMEOUT_MS / 1000
    while True:
        add.click()
        tab.evaluate(DRAWN)
        for _ in range(60):
            boxes = dates.all()
            values = [box.input_value() for box in boxes]
            if len(values) == len(had) + 1 and values.count("") == 1:
                return boxes[values.index("")]
            tab.wait_for_timeout(250)
        assert len(values) == len(had), f"an update was added, but the Date boxes hold {values}"
        assert time.monotonic() < deadline, "no update was added after pressing Add update"


WRITING_ERRORS = ("NotReadableError", "NotFoundError")  # the file is being written


def read_back(tab: Any) -> str:
    """The plan as the browser's storage holds it now. Read while Sveltia writes it, the file
    cannot be read for a moment, or is not there (NotReadableError and NotFoundError, each seen
    once in a clean-clone run): that read is taken again."""
    from playwright.sync_api import Error as PlaywrightError

    for _ in range(50):
        try:
            return str(tab.evaluate(READ_BACK))
        except PlaywrightError as error:
            if not any(name in error.message for name in WRITING_ERRORS):
                raise
            tab.wait_for_timeout(100)
    return str(tab.evaluate(READ_BACK))


@pytest.fixture(scope="module")
def sveltia_save(chromium: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Build a board kept in a repository's `board/`, open /admin/ with Sveltia on the board's
    repository, change action 1.1's status and add an update, and save."""
    repo = tmp_path_factory.mktemp("sveltia-repo")
    (repo / ".git").mkdir()
    shutil.copytree(FIXTURES / "minimal", repo / "board")
    before = (repo / "board" / "plans" / "plan-a.yml").read_text(encoding="utf-8")
    site = tmp_path_factory.mktemp("sveltia-site") / "site"
    built = run_build(repo / "board", site, pdfs=False, PLANSITE_CACHE="")
    assert built.returncode == 0, built.stderr
    asked: list[str] = []
    tab = chromium.new_page(viewport={"width": 1280, "height": 1000})
    tab.set_default_timeout(BROWSER_TIMEOUT_MS)  # a busy machine is slow, not wrong
    tab.add_init_script(PICKER % json.dumps(before))
    tab.route("**/*", lambda route: serve_from(site, route, asked, LOCAL, "/"))
    tab.goto(f"https://{LOCAL}/admin/")
    tab.get_by_role("button", name="Work with Local Repository").click()
    tab.get_by_role("link", name="Plan A").or_(tab.get_by_text("Plan A")).first.wait_for()
    expand = tab.get_by_role("button", name="Expand", exact=True)
    open_entry(tab, f"https://{LOCAL}/admin/#/collections/plans/entries/plan-a", expand)
    for _ in range(20):  # the priority, its issue, its actions: each opened
        if not expand.count():
            break
        expand.first.click()
    status = tab.get_by_role("radiogroup", name="Status").first
    status.get_by_role("radio", name="On target").click()
    new_date = add_update(tab, tab.get_by_role("textbox", name="Date", exact=True))
    texts = tab.get_by_role("textbox", name="Text", exact=True)
    [new_text] = [t for t in texts.all() if t.input_value() == ""]
    new_date.fill("2026-06")
    new_text.fill(NEW_UPDATE)
    tab.get_by_role("button", name="Save", exact=True).click()
    after = before
    for _ in range(BROWSER_TIMEOUT_MS // 100):  # the save is written in the background
        after = read_back(tab)
        if after != before:
            break
        tab.wait_for_timeout(100)
    tab.close()
    return {"repo": repo, "before": before, "after": after, "asked": asked}


def test_a_sveltia_save_changes_only_its_lines(sveltia_save: dict[str, Any]) -> None:
    changed = [
        line
        for line in difflib.unified_diff(
            sveltia_save["before"].splitlines(), sveltia_save["after"].splitlines(), n=0
        )
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed == [
        "-            status: green",
        "+            status: amber",
        f"+              - {{date: 2026-06, text: {NEW_UPDATE}}}",
    ]


def test_make_check_accepts_the_plan_sveltia_saved(
    sveltia_save: dict[str, Any], tmp_path: Path
) -> None:
    board = tmp_path / "board"
    shutil.copytree(sveltia_save["repo"] / "board", board)
    (board / "plans" / "plan-a.yml").write_text(sveltia_save["after"], encoding="utf-8")
    checked = subprocess.run(
        [sys.executable, "-m", "plansite.check", str(board)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_sveltia_save_asked_no_other_host(sveltia_save: dict[str, Any]) -> None:
    assert {urlsplit(url).hostname for url in sveltia_save["asked"]} == {LOCAL}


# What Sveltia itself changes, whatever the format does: Windows line ends become Unix ones,
# and blank lines at the file's end go. The values are the same, and make check accepts it.
WINDOWS_PLAN = (FIXTURES / "minimal" / "plans" / "plan-a.yml").read_text(encoding="utf-8")


def test_what_sveltia_changes_in_a_file_saved_unchanged(tmp_path: Path) -> None:
    source = WINDOWS_PLAN.replace("\n", "\r\n") + "\r\n\r\n"
    saved = sveltia_round_trip(source)
    assert saved == WINDOWS_PLAN  # every line the same words; LF ends; one new line at the end
    board = tmp_path / "board"
    board.mkdir()
    for part in (FIXTURES / "minimal").iterdir():
        if part.is_file():
            (board / part.name).write_bytes(part.read_bytes())
    (board / "plans").mkdir()
    (board / "plans" / "plan-a.yml").write_text(saved, encoding="utf-8", newline="")
    checked = subprocess.run(
        [sys.executable, "-m", "plansite.check", str(board)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


# --- the README's no-terminal section names what the workflows are --------------------------


def _no_terminal_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Publish without installing anything")
    return " ".join(readme[start : readme.index("\n## ", start + 1)].split())


def test_the_readme_names_the_workflows_and_their_inputs() -> None:
    section = _no_terminal_section()
    workflows = ROOT / ".github" / "workflows"
    set_up = yaml.safe_load((workflows / "set-up.yml").read_text(encoding="utf-8"))
    publish = yaml.safe_load((workflows / "publish.yml").read_text(encoding="utf-8"))
    assert f"click **{set_up['name']}**, then **Run workflow**" in section
    assert f"The **{publish['name']}** workflow imports it" in section
    # the form's three boxes, in the README's order
    inputs = set_up[True]["workflow_dispatch"]["inputs"]  # YAML 1.1 reads `on:` as True
    assert list(inputs) == ["name", "area", "web_address"]
    assert "Fill in the board's name, the area it covers and the site's web address" in section
    assert not inputs["web_address"]["required"] and "leave it empty" in section
    # the publish workflow pushes the built site to the gh-pages branch (ghp-import's default),
    # so Pages' source is that branch, not "GitHub Actions"
    command = inspect.getsource(ci_publish.gh_pages)
    assert "ghp_import" in command and "--branch" not in command and '"-b"' not in command
    assert 'select **Deploy from a branch**; under "Branch", choose `gh-pages`' in section
    assert 'GitHub Actions" ' not in section
