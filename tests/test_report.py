"""`run --report DIR`: a self-contained index.html, opened and checked in a real browser."""

import base64
import os
import re
import signal
import subprocess
from html import unescape

import pytest
from flask import Flask, make_response
from helpers import RUNNER, cookie_lab, signalled_halfway, why_no_namespace
from junitparser import JUnitXml
from selenium.webdriver.support.wait import WebDriverWait

from scenarios.content.catalog import SCENARIOS
from scenarios.core.config import Config, UsageError
from scenarios.core.records import Result, Step
from scenarios.lab.server import LabServer
from scenarios.show.evidence import screenshot
from scenarios.show.report import Report

# One worker runs this module and the CLI's full run, so the full run (conftest) happens once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("report")]

WINDOW_WIDTH = Config().window_size[0]
# The lab page's table-header colour (lab.css, th): found only in a screenshot of a lab page.
LAB_TH_COLOUR = (0xE9, 0xE1, 0xCF)

# Per screenshot, as the browser decodes it: size, how many colours a sample of its pixels
# has (a blank image has one), and how many pixels have (about) the lab page's table-header
# colour.
PIXELS = """
const [r, g, b] = arguments[0];
return [...document.querySelectorAll("img.screenshot")].map((img) => {
  const canvas = document.createElement("canvas");
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const context = canvas.getContext("2d");
  context.drawImage(img, 0, 0);
  const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
  const colours = new Set();
  let lab = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (i % (4 * 31) === 0) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    // Lossy WebP shifts a colour a little: near enough counts.
    const near = Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b);
    if (near <= 12) lab++;
  }
  return {width: img.naturalWidth, height: img.naturalHeight, colours: colours.size, lab};
});
"""


def open_report(driver, report):
    driver.get(report.resolve().as_uri())
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return [...document.images].every((i) => i.complete)")
    )


def narrations(stdout):
    return re.findall(r"^  (?:ok  |FAIL) (.*) \(\d+\.\d\d s\)$", stdout, re.M)


# The CLI's full run, with the real 15-second expiry: the report's tests read its report.
@pytest.mark.browser
@pytest.mark.slow
def test_full_run_with_the_real_15_second_expiry_passes_on_two_workers_in_the_full_chromium(
    full_run,
):
    done, _ = full_run
    assert done.returncode == 0, done.stdout + done.stderr
    assert "counts down its 15 s" in done.stdout
    assert "FAIL" not in done.stdout
    assert f"{len(SCENARIOS)} passed, 0 failed" in done.stdout
    # The narration stays in scenario order although three browsers ran side by side.
    positions = [done.stdout.index(f"\n{s.name}: ") for s in SCENARIOS]
    assert positions == sorted(positions)


def test_the_run_says_where_its_report_is(full_run):
    done, report = full_run
    assert done.stdout.endswith(f"report: {report.resolve()}\n")
    assert report.is_file()


def test_the_report_shows_every_scenario_and_every_step(full_run, driver):
    done, report = full_run
    open_report(driver, report)
    sections = driver.find_elements("css selector", "section.scenario")
    assert [s.get_attribute("data-scenario") for s in sections] == [s.name for s in SCENARIOS]
    headings = [h.text for h in driver.find_elements("css selector", ".step h3")]
    assert len(headings) == len(narrations(done.stdout))
    for heading, narration in zip(headings, narrations(done.stdout), strict=True):
        assert heading.startswith(f"\u2714 {narration} (")
    # Every step has its evidence, and no passing step keeps a page source.
    steps = len(headings)
    for selector in (
        ".step img.screenshot",
        ".step .cookie-header",
        ".step table.store, .step .store-empty",
    ):
        assert len(driver.find_elements("css selector", selector)) == steps, selector
    assert not driver.find_elements("css selector", ".page-source")


def test_each_step_shows_both_headers_and_the_store_of_its_own_moment(full_run, driver):
    _, report = full_run
    open_report(driver, report)
    first, second, third = driver.find_elements("css selector", "#scenario-second-request .step")
    assert first.find_element("css selector", ".cookie-header").text == (
        "(no Cookie header was sent)"
    )
    assert first.find_element("css selector", ".set-cookie-headers").text == (
        "Set-Cookie: cookie_name=cookie_value; Path=/"
    )
    store = second.find_element("css selector", "table.store").text
    # Set without SameSite: the store says so rather than guess a default.
    assert "cookie_name cookie_value / session (ends with the browser) no no Lax" in store
    assert third.find_element("css selector", ".cookie-header").text == "cookie_name=cookie_value"
    long_lasting = driver.find_element("css selector", "#scenario-long-lasting table.store").text
    assert re.search(r"long_cookie_name long_cookie_value / \d{4}-\d\d-\d\d", long_lasting)


def test_its_images_are_light_real_screenshots_of_lab_pages(full_run, driver):
    _, report = full_run
    html = report.read_text()
    # As stored: WebP from DevTools, under half what WebDriver's PNGs weighed (about 90 kB
    # each in base64 for a 1280x633 viewport; the whole report 6.3 MB).
    images = re.findall(r'src="data:image/webp;base64,([^"]+)"', html)
    assert len(images) == len(re.findall(r'class="screenshot"', html))
    for webp in images:
        head = base64.b64decode(webp[:16])
        assert head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    # As a browser shows them: decoded, the viewport's width, not blank, the lab page's colours.
    open_report(driver, report)
    shown = driver.execute_script(PIXELS, LAB_TH_COLOUR)
    assert len(shown) == len(images)
    # Per pixel: the headless shell's viewport is the whole window (1280x720), Chromium's
    # is what its window frame leaves (1280x633). Under 55 kB of base64 for 1280x633: every
    # lab page now says which site it is and where the request came from (a line of text
    # more in each screenshot, +6%), and the cross-site pages hold frames and forms.
    pixels = sum(image["width"] * image["height"] for image in shown)
    assert sum(map(len, images)) / pixels < 55_000 / (1280 * 633)
    # The report grows with the scenarios: each step (its screenshot, its page's source
    # folded, its jar) under 60 kB on average (15 scenarios made 3.5 MB for 1280x633).
    assert len(html) < 60_000 * len(images)
    for image in shown:
        assert WINDOW_WIDTH - 20 <= image["width"] <= WINDOW_WIDTH and image["height"] > 300
        assert image["colours"] > 10, image
    # The lab page's own colours; the cross-site scenarios also show the other site's pages,
    # styled apart on purpose, and frames of the lab inside them.
    other_site = [image for image in shown if image["lab"] <= 1000]
    assert len(other_site) <= len(shown) // 5, other_site


def test_a_screenshot_is_small_until_clicked(full_run, driver):
    _, report = full_run
    open_report(driver, report)
    window = driver.execute_script("return window.innerWidth")
    image = driver.find_element("css selector", "#scenario-path img.screenshot")
    assert image.rect["width"] < window / 3
    image.click()
    assert image.rect["width"] == window
    image.click()
    assert image.rect["width"] < window / 3


@pytest.fixture
def app_that_sets_the_wrong_cookie():
    app = Flask(__name__)

    @app.route("/set-cookie")
    def set_cookie():
        response = make_response('<table id="received-cookies"></table><p>wrong cookie</p>')
        response.set_cookie("not_the_cookie_name", "oops")
        return response

    with LabServer(app) as server:
        yield server


def test_a_failed_check_keeps_the_page_source_and_the_cookies(
    app_that_sets_the_wrong_cookie, driver, tmp_path
):
    done = cookie_lab(
        "run",
        "second-request",
        "--base-url",
        app_that_sets_the_wrong_cookie.url,
        "--report",
        str(tmp_path),
    )
    assert done.returncode == 1, done.stdout + done.stderr
    open_report(driver, tmp_path / "index.html")
    passed, failed = driver.find_elements("css selector", ".step")
    assert "fail" in failed.get_attribute("class")
    assert failed.find_element("css selector", ".message").text == (
        "expected the browser to store a cookie named cookie_name, "
        "but it holds only not_the_cookie_name"
    )
    # Collapsed until opened: the page source is long, and most readers want the message.
    details = failed.find_element("css selector", "details.page-source")
    assert details.get_attribute("open") is None
    details.find_element("tag name", "summary").click()
    source = details.find_element("tag name", "pre").text
    assert '<table id="received-cookies">' in source and "wrong cookie" in source
    # The summary at the top links the failure to its step.
    why = driver.find_element("css selector", "#summary .why a")
    assert why.text == failed.find_element("css selector", ".message").text
    assert why.get_attribute("href").endswith("#" + failed.get_attribute("id"))
    assert "not_the_cookie_name oops /" in failed.find_element("css selector", "table.store").text
    assert failed.find_element("css selector", "img.screenshot").get_attribute("naturalWidth")
    assert not passed.find_elements("css selector", ".page-source")


def test_a_report_that_cannot_be_written_is_one_line_with_exit_2_before_the_run(tmp_path):
    (tmp_path / "index.html").mkdir()  # where the file should go: writing it would fail
    done = cookie_lab("run", "second-request", "--report", str(tmp_path))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        f"cookie-lab: error: --report {tmp_path}: {tmp_path / 'index.html'} is a directory\n"
    )


def test_a_report_folder_on_a_read_only_disk_is_one_line_with_exit_2_before_the_run(tmp_path):
    # Root may write anywhere the permission bits forbid, but not on a read-only mount.
    reason = why_no_namespace()
    if reason:
        pytest.skip(reason)
    mount = f"mount -t tmpfs -o ro tmpfs {tmp_path}"
    done = subprocess.run(
        ["unshare", "-m", "bash", "-c", f'{mount} && exec "$@"', "bash", *RUNNER]
        + ["run", "second-request", "--report", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stdout == ""
    assert done.stderr == f"cookie-lab: error: --report {tmp_path}: Read-only file system\n"


def test_a_report_is_replaced_whole_not_rewritten_in_place(tmp_path):
    # A link to the old report still reads the old one: the new one is a new file renamed
    # over it, never the old file truncated and half written.
    report = Report(tmp_path)
    report.path.write_text("the last run's report")
    os.link(report.path, tmp_path / "kept")
    report.run_finished([])
    assert (tmp_path / "kept").read_text() == "the last run's report"
    assert "0 of 0 scenarios passed" in report.path.read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.html", "kept"]


def test_a_report_that_fails_at_the_end_is_one_line_and_leaves_no_temporary_file(tmp_path):
    (tmp_path / "index.html").mkdir()  # made during the run, say
    with pytest.raises(UsageError, match=r"cannot write the report .*: Is a directory$"):
        Report(tmp_path).run_finished([])
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


def test_a_browser_without_devtools_gives_webdrivers_png(browser, live_server, monkeypatch):
    # A Grid's browser or Firefox: the screenshot every WebDriver gives.
    monkeypatch.setattr(type(browser), "has_devtools", property(lambda self: False))
    browser.driver.get(live_server.url + "/")
    uri = screenshot(browser)
    assert uri.startswith("data:image/png;base64,")
    assert base64.b64decode(uri.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"


def test_ctrl_c_writes_the_report_of_the_steps_done_marked_interrupted(tmp_path):
    command = [*RUNNER, "run", "second-request", "update", "--slow-mo", "1"]
    returncode, stderr, left = signalled_halfway(
        [*command, "--report", str(tmp_path), "--junit-xml", str(tmp_path / "r.xml")],
        "update:",
        {"chromium"},
        signal.SIGINT,
    )
    assert returncode == 130, stderr
    assert left == []
    html = (tmp_path / "index.html").read_text()
    assert "This run was interrupted" in html
    finished = html.split('id="scenario-second-request"')[1].split("</section>")[0]
    assert finished.count('class="screenshot"') == 3
    assert '<td class="verdict">interrupted</td>' in html
    assert "stopped by the interrupt" in html and "Cancelled" not in html
    update = [
        c for c in next(iter(JUnitXml.fromfile(str(tmp_path / "r.xml")))) if c.name == "update"
    ]
    assert update[0].result[0].message == "interrupted before it finished"


def test_a_stopped_scenario_lists_the_steps_it_never_reached(tmp_path):
    path = next(s for s in SCENARIOS if s.name == "path")
    done = [Step(said, passed=True) for said in path.plan[:4]]
    report = Report(tmp_path)
    report.scenario_started(path)
    for step in done:
        report.step_finished(step)
    report.scenario_finished(Result(path, done, passed=True, stopped=True))
    report.write()
    html = (tmp_path / "index.html").read_text()
    assert "<td>4 of 8</td>" in html
    # Stopped is not passed: the title, the summary and the scenario say so, as the terminal.
    assert "<title>cookie-lab report: 0 of 1 scenarios passed (stopped)</title>" in html
    assert "The instructor stopped this run: the rest of it did not happen." in html
    assert '<span class="verdict">stopped</span>' in html
    never = re.findall(r'class="never-reached"><h3>– (.*?) <small>', html)
    assert [unescape(said) for said in never] == list(path.plan[4:])
    assert "A cookie set without a Path gets Path=/ and is carried to every route" in never
    # Out of the scenario's count: "4 of 8", with the rest listed by what they would show.
