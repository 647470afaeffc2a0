"""Where the report goes and what it says when a run covers less than the last one, or is
interrupted: in process, with a made-up run (fake_run); test_report.py opens real ones."""

import io
import re

import pytest
from fake_run import FakeRunner, result, step

from scenarios.browser.jar import Cookie
from scenarios.cli import commands
from scenarios.cli import main as cli
from scenarios.content.catalog import SCENARIOS

FULL = [s.name for s in SCENARIOS]


def run(monkeypatch, argv, runner=None):
    monkeypatch.setattr(commands.runner, "run", runner or FakeRunner())
    out = io.StringIO()
    status = cli.main(["run", *argv], {}, out)
    return status, out.getvalue()


def covers(path):
    return re.search(r'name="cookie-lab-scenarios" content="([^"]*)"', path.read_text())[1]


def test_a_partial_run_leaves_the_full_runs_report_and_says_where_it_went(monkeypatch, tmp_path):
    index = tmp_path / "index.html"
    assert run(monkeypatch, ["--report", str(tmp_path)])[0] == 0
    full, written = index.read_text(), index.stat().st_ino
    assert covers(index) == " ".join(FULL)

    status, out = run(monkeypatch, ["update", "--report", str(tmp_path)])
    assert status == 0
    beside = tmp_path / "only-update.html"
    assert index.read_text() == full
    assert covers(beside) == "update"
    assert out.endswith(
        f"report: {beside.resolve()}\n  (it covers less than the report already there, "
        f"which is kept: {index}, of {len(FULL)} scenarios)\n"
    )

    # Another full run is the class's report again.
    status, out = run(monkeypatch, ["--report", str(tmp_path)])
    assert out.endswith(f"report: {index.resolve()}\n")
    assert index.stat().st_ino != written  # replaced (os.replace: a new file)


def test_a_first_partial_run_writes_index_html(monkeypatch, tmp_path):
    status, out = run(monkeypatch, ["path", "deletion", "--report", str(tmp_path)])
    assert out.endswith(f"report: {(tmp_path / 'index.html').resolve()}\n")


def test_an_interrupted_run_writes_the_steps_it_did_marked_interrupted(monkeypatch, tmp_path):
    runner = FakeRunner(
        [result("second-request", step("Visit /set-cookie"))],
        KeyboardInterrupt(),
        ("update", [step("Set cookie_name"), step("Visit /update-cookie", None)]),
    )
    status, out = run(monkeypatch, ["--report", str(tmp_path)], runner)
    assert status == 130
    report = tmp_path / "index.html"
    assert out.endswith(f"\nreport (interrupted): {report.resolve()}\n")
    html = report.read_text()
    assert "This run was interrupted" in html
    assert "<title>cookie-lab report: 1 of 2 scenarios passed (interrupted)</title>" in html
    assert covers(report) == "second-request update"
    assert "Set cookie_name" in html and "Visit /update-cookie" in html
    assert '<td class="verdict">interrupted</td>' in html


def test_an_interrupted_run_does_not_replace_a_fuller_report(monkeypatch, tmp_path):
    run(monkeypatch, ["--report", str(tmp_path)])
    runner = FakeRunner([result("second-request", step("Visit"))], KeyboardInterrupt())
    status, out = run(monkeypatch, ["--report", str(tmp_path)], runner)
    assert status == 130
    assert "report (interrupted): " + str((tmp_path / "interrupted.html").resolve()) in out
    assert covers(tmp_path / "index.html") == " ".join(FULL)


@pytest.fixture
def failed_report(monkeypatch, tmp_path):
    cookie = Cookie("cookie_name", "cookie_value", "/", None, True, False, "Lax")
    evidence = {
        "url": "http://127.0.0.1/",
        "screenshot": "data:image/webp;base64,UklGRg==",
        "cookie_header": "cookie_name=cookie_value",
        "set_cookie_headers": [],
        "store": [cookie],
        "store_scope": "every path",
    }
    failing = {**evidence, "page_source": "<html>the page</html>"}
    runner = FakeRunner(
        [
            result("second-request", step("Visit", evidence=evidence)),
            result(
                "update",
                step("Set it", evidence=evidence),
                step("Update it", False, "expected updated_cookie_value", failing),
            ),
        ]
    )
    assert run(monkeypatch, ["--report", str(tmp_path)], runner)[0] == 1
    return (tmp_path / "index.html").read_text()


def test_the_summary_links_each_failure_to_its_step(failed_report):
    summary = failed_report.split('id="summary"')[1].split("</table>")[0]
    assert '<a href="#step-update-2">expected updated_cookie_value</a>' in summary
    assert 'id="step-update-2"' in failed_report


def test_flags_say_yes_or_no_and_the_page_source_starts_collapsed(failed_report):
    assert "True" not in failed_report and "False" not in failed_report
    assert "<td>yes</td><td>no</td><td>Lax</td>" in failed_report
    assert '<details class="page-source">' in failed_report
    assert "word-break" not in failed_report
