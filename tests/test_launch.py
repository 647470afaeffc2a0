"""Local or remote is decided once, at launch: the live Browser gets a session that says what
it can do (DevTools, which jar, how to end it) and asks no more. The browser layer reads its
settings from Config and changes nobody's environment, its own included."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.selenium_manager import SeleniumManager

import scenarios.browser
from scenarios.browser import binaries, grid, profiles
from scenarios.browser.jar import BiDiJar, DevToolsJar, WebDriverJar
from scenarios.browser.launch import Local, Remote, launcher
from scenarios.browser.live import Browser
from scenarios.browser.session import RemoteSession, kill_group
from scenarios.core.config import Config
from scenarios.core.errors import UsageError
from scenarios.core.processes import dying_with_this_thread
from scenarios.tracks.automation import supervisor

BROWSER_LAYER = Path(scenarios.browser.__file__).parent


def test_the_launcher_answers_local_or_remote_and_devtools():
    local, remote = launcher(Config()), launcher(Config(remote_url="http://127.0.0.1:4444"))
    assert isinstance(local, Local) and local.devtools
    assert isinstance(remote, Remote) and not remote.devtools
    assert not launcher(Config(browser="firefox")).devtools  # DevTools: Chromium's alone


def test_only_the_launcher_asks_whether_the_browser_is_remote():
    asking = {
        path.name
        for path in BROWSER_LAYER.glob("*.py")
        if re.search(r"\bif\b.*\bremote_url\b", path.read_text())
    }
    assert asking == {"launch.py"}


@pytest.mark.browser
def test_a_local_launch_gives_devtools_and_its_jar(browser, live_server):
    assert not browser.session.remote and browser.has_devtools
    assert isinstance(browser.jar_for(live_server.url), DevToolsJar)


@pytest.fixture
def endpoint():
    """A W3C WebDriver endpoint on loopback, as a Grid is: ChromeDriver serving on a port."""
    popen_kw = {"start_new_session": True, "preexec_fn": dying_with_this_thread()}
    service = webdriver.ChromeService(shutil.which("chromedriver"), popen_kw=popen_kw)
    service.start()
    try:
        yield service.service_url
    finally:
        service.stop()
        kill_group(service)  # and any browser it left


@pytest.mark.browser
def test_a_remote_launch_gives_bidi_and_the_hint_a_remote_browser_needs(endpoint, live_server):
    with Browser(Config(remote_url=endpoint)) as browser:
        assert browser.session.remote and not browser.has_devtools
        jar = browser.jar_for(live_server.url)
        assert isinstance(jar, BiDiJar)
        browser.driver.get(live_server.url + "/set-cookie")
        assert [cookie.name for cookie in jar.all()] == ["cookie_name"]
        with pytest.raises(UsageError, match="give --advertise-host"):
            browser.reach(f"http://127.0.0.1:{grid.free_port()}/")
        profile = Path(browser._profile)
    assert not profile.exists()  # the endpoint is this machine: its profile is removable


def test_selenium_manager_runs_offline_without_changing_the_environment(monkeypatch):
    monkeypatch.delenv("SE_OFFLINE", raising=False)
    monkeypatch.delenv("SE_AVOID_STATS", raising=False)
    asked = []
    real = SeleniumManager.binary_paths

    def binary_paths(self, args):
        asked.append(args)
        return real(self, args)

    monkeypatch.setattr(SeleniumManager, "binary_paths", binary_paths)
    before = dict(os.environ)
    found = binaries.driver_from_fallbacks(Config())
    assert asked == [["--browser", "chrome", "--offline", "--avoid-stats"]]
    assert Path(found).name == "chromedriver"  # the system's, found on disk
    assert dict(os.environ) == before


def test_the_grids_jar_is_a_config_setting(tmp_path):
    config = Config.from_env({"COOKIE_LAB_GRID_JAR": str(tmp_path / "selenium-server.jar")})
    with pytest.raises(UsageError, match="no Selenium server jar"):
        grid.find_jar(config.grid_jar)
    (tmp_path / "selenium-server.jar").touch()
    assert grid.find_jar(config.grid_jar) == str(tmp_path / "selenium-server.jar")


def test_no_module_of_the_browser_layer_reads_or_changes_the_environment():
    users = {p.name for p in BROWSER_LAYER.glob("*.py") if "os.environ" in p.read_text()}
    assert users == set()


def test_a_remote_jar_is_bidi_where_the_browser_offers_it_else_webdriver():
    class Driver:
        def __init__(self, caps):
            self.caps = caps

    assert RemoteSession(Driver({"webSocketUrl": "ws://x"})).jar is BiDiJar
    assert RemoteSession(Driver({})).jar is WebDriverJar


def test_a_grid_on_this_machine_names_its_profiles_by_run_and_the_next_removes_stale_ones():
    # A Grid node's Chromium makes its profile in the node's /tmp; a run killed before it
    # could remove it left it there for ever. Named by our run, it goes as a local one does.
    dead = Path("/tmp/cookie-lab-profile-999999999-0123456789abcdef")  # no such process
    dead.mkdir(exist_ok=True)
    try:
        profile = launcher(Config(remote_url="http://127.0.0.1:4444")).new_profile()
        assert not dead.exists()
        assert profile.startswith(f"/tmp/cookie-lab-profile-{os.getpid()}-")
    finally:
        shutil.rmtree(dead, ignore_errors=True)


def test_a_run_in_a_box_keeps_its_profile_clean_up_to_its_own_folder(tmp_path, monkeypatch):
    # The grader's child runs in a box with a PID namespace of its own, where every process
    # outside looks gone: its profile clean-up, let loose in the shared temporary folder,
    # removed the live profiles of browsers beside it (their lasting cookies lost at a
    # restart). It gets a temporary folder of its own, removed when it ends.
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    tempfile.tempdir = None  # read TMPDIR again
    try:
        beside = tmp_path / f"{profiles.own_prefix()}beside"  # a live run's profile
        beside.mkdir()
        killed = tmp_path / f"{supervisor.BOX_PREFIX}999999999-x"  # its checker SIGKILLed
        killed.mkdir()
        folder = supervisor.own_folder()
        assert Path(folder).parent == tmp_path and not killed.exists()
        reap = "from scenarios.browser import profiles; profiles.reap_stale()"  # its TMPDIR
        boxed = ["unshare", "--pid", "--fork", sys.executable, "-c", reap]
        subprocess.run(boxed, check=True, timeout=30, env={**os.environ, "TMPDIR": folder})
        assert beside.exists()
    finally:
        tempfile.tempdir = None


def test_a_grading_child_has_its_temporary_folder_until_it_stops():
    child = supervisor.Child({}, module="json.tool")  # any module: it ends at once
    folder = Path(child.folder)
    assert folder.is_dir() and folder.name.startswith(supervisor.BOX_PREFIX)
    child.stop()
    assert not folder.exists()


def test_a_temporary_folder_that_cannot_hold_a_profile_is_named_in_one_line(monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", "/dev/null/tmp")  # no folder can be made there
    with pytest.raises(
        UsageError,
        match=r"cannot make the browser's profile in /dev/null/tmp "
        r"\(TMPDIR\): Not a directory",
    ):
        profiles.new_local()
