"""`make serve` (`properdocs serve --dirty`) while editing: broken data shows its problems in the
browser; a fix reloads. Under both engines: the preview uses only their public interfaces, and
the watcher's interval where it is found (plansite/engine/preview.py)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ENGINE, ENGINES, ROOT, engine_command

BASE = ROOT / "tests" / "fixtures" / "corpus-base"


def make_serve(engine: str) -> list[str]:
    """`make serve`'s command (ProperDocs'), or MkDocs' same command."""
    return [*engine_command(engine), "serve", "--dirty", "-f", str(ROOT / "mkdocs.yml")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, test: Callable[[str], bool], seconds: float = 600) -> str:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                last = response.read().decode("utf-8")
            if test(last):
                return last
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass  # not up yet, or still rebuilding: serve answers once the build is done
        time.sleep(0.3)
    raise AssertionError(f"{url} never passed the test; last page:\n{last[:2000]}")


def start_serve(data: Path, port: int, engine: str = ENGINE) -> subprocess.Popen[str]:
    """`make serve`'s command for a board's data folder, on this machine only, its log on
    stderr: the engine's dirty serve, strict as mkdocs.yml says (its dirty-build warning must
    not stop a rebuild)."""
    env = {**os.environ, "PLANSITE_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(
        [*make_serve(engine), "-a", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_serve_shows_problems_then_the_fixed_site(tmp_path: Path, engine: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    plan = data / "plans" / "plan-a.yml"
    good = plan.read_text(encoding="utf-8")
    plan.write_text(good.replace("status: red\n", "status: purple\n"), encoding="utf-8")
    port = free_port()
    server = start_serve(data, port, engine)
    try:
        home = f"http://127.0.0.1:{port}/"
        page = wait_for(home, lambda html: "ps-problems" in html)
        assert f"{plan}:31</code> status `purple` is not one of this plan" in page
        plan.write_text(good, encoding="utf-8")
        fixed = wait_for(home, lambda html: "ps-problems" not in html)
        assert "Testshire Safeguarding Children Partnership" in fixed
    finally:
        server.terminate()
        _, err = server.communicate(timeout=300)
    assert f"{plan}:31: status `purple`" in err
