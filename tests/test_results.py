"""`--junit-xml FILE` and `--json FILE`: the results for CI, read back as CI reads them.

In process, with a made-up run (fake_run): what is tested is the files; one real run with a
real failing check proves the runner tells them its steps.
"""

import io
import json
import os
import stat

import pytest
from fake_run import FakeRunner, result, step
from helpers import cookie_lab
from junitparser import Failure, JUnitXml, Skipped

from scenarios.cli import commands
from scenarios.cli import main as cli
from scenarios.core import atomic
from scenarios.core.errors import UsageError

WRONG = "expected the browser to store a cookie named cookie_name, but it holds no cookies"


def made_up_run():
    return FakeRunner(
        [
            result("second-request", step("Visit /set-cookie"), step("It is stored")),
            result("update", step("Set it"), step("Update it", False, WRONG)),
            result("samesite", skipped="its lesson needs the lab app on loopback"),
        ]
    )


@pytest.fixture
def fake(monkeypatch):
    runner = made_up_run()
    monkeypatch.setattr(commands.runner, "run", runner)
    return runner


def test_junit_xml_has_one_testcase_per_scenario_with_each_failed_steps_message(fake, tmp_path):
    path = tmp_path / "ci" / "results.xml"  # its folder is made
    assert cli.main(["run", "--junit-xml", str(path)], {}, io.StringIO()) == 1
    suites = list(JUnitXml.fromfile(str(path)))
    assert len(suites) == 1
    suite = suites[0]
    assert (suite.tests, suite.failures, suite.skipped) == (3, 1, 1)
    cases = {case.name: case for case in suite}
    assert list(cases) == ["second-request", "update", "samesite"]
    assert cases["second-request"].is_passed
    [failure] = cases["update"].result
    assert isinstance(failure, Failure)
    assert failure.message == WRONG
    assert failure.text == f"Update it:\n    {WRONG}"
    [skipped] = cases["samesite"].result
    assert isinstance(skipped, Skipped) and "loopback" in skipped.message
    assert cases["update"].classname == "cookie-lab.scenarios"
    assert cases["update"].time == 1.0


def test_json_has_the_same_results_and_their_steps(fake, tmp_path):
    path = tmp_path / "results.json"
    assert cli.main(["run", "--json", str(path)], {}, io.StringIO()) == 1
    document = json.loads(path.read_text())
    assert document["command"] == "cookie-lab run"
    assert (document["passed"], document["failed"], document["interrupted"]) == (2, 1, False)
    update = document["results"][1]
    assert update["name"] == "update" and update["passed"] is False
    assert update["failures"] == [WRONG]
    assert update["steps"][1] == {
        "narration": "Update it",
        "passed": False,
        "message": WRONG,
        "seconds": 0.25,
    }
    assert document["results"][2]["skipped"] == "its lesson needs the lab app on loopback"


@pytest.mark.parametrize("option", ["--junit-xml", "--json"])
def test_a_file_that_cannot_be_written_is_one_line_with_exit_2_before_the_run(
    option, fake, tmp_path, capsys
):
    (tmp_path / "a-file").write_text("")
    for path, says in (
        (tmp_path, f"{option} {tmp_path}: is a directory, not a file"),
        (
            tmp_path / "a-file" / "results",
            f"{option} {tmp_path}/a-file/results: a file is in the way of its folder",
        ),
    ):
        assert cli.main(["run", option, str(path)], {}, io.StringIO()) == 2
        assert capsys.readouterr().err == f"cookie-lab: error: {says}\n"
    assert fake.calls == [], "the run started before its files were known to be writable"
    assert os.listdir(tmp_path) == ["a-file"], "the check left a file behind"


def test_files_are_replaced_whole_or_not_at_all(tmp_path, monkeypatch):
    path = tmp_path / "results.json"
    path.write_text("the last run's\n")
    atomic.write(path, "this run's\n", "the JSON results")
    assert path.read_text() == "this run's\n"

    def full_disk(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(UsageError, match="cannot write the JSON results .*: No space left"):
        atomic.write(path, "half a file", "the JSON results")
    assert path.read_text() == "this run's\n"
    assert os.listdir(tmp_path) == ["results.json"], "a temporary file was left behind"


def test_an_interrupted_run_writes_what_it_finished_marked_interrupted(monkeypatch, tmp_path):
    unfinished = ("update", [step("Set it")])
    runner = FakeRunner(made_up_run().results[:1], KeyboardInterrupt(), unfinished)
    monkeypatch.setattr(commands.runner, "run", runner)
    xml, data = tmp_path / "r.xml", tmp_path / "r.json"
    argv = ["run", "--junit-xml", str(xml), "--json", str(data)]
    assert cli.main(argv, {}, io.StringIO()) == 130
    document = json.loads(data.read_text())
    assert document["interrupted"] is True
    assert [r["name"] for r in document["results"]] == ["second-request"]
    [suite] = list(JUnitXml.fromfile(str(xml)))
    assert suite.name == "cookie-lab run (interrupted)" and suite.tests == 1


@pytest.mark.browser
def test_a_real_failing_check_reaches_both_files(app_that_forgets_to_set_cookies, tmp_path):
    xml, data = tmp_path / "r.xml", tmp_path / "r.json"
    url = app_that_forgets_to_set_cookies.url
    done = cookie_lab(
        "run", "second-request", "--base-url", url, "--junit-xml", str(xml), "--json", str(data)
    )
    assert done.returncode == 1, done.stdout + done.stderr
    [case] = list(next(iter(JUnitXml.fromfile(str(xml)))))
    assert case.name == "second-request" and case.result[0].message == WRONG
    steps = json.loads(data.read_text())["results"][0]["steps"]
    assert [s["passed"] for s in steps] == [True, False]
    assert steps[1]["message"] == WRONG


@pytest.mark.browser
def test_check_writes_one_testcase_per_exercise(tmp_path):
    xml = tmp_path / "r.xml"
    done = cookie_lab("check", "1", "--junit-xml", str(xml))
    assert done.returncode == 1, done.stdout + done.stderr
    [case] = list(next(iter(JUnitXml.fromfile(str(xml)))))
    assert (case.classname, case.name) == (
        "cookie-lab.exercises.flask",
        "01_set_a_cookie: Set a cookie",
    )
    assert "flavour" in case.result[0].message


def _device(path, minor):
    """A character device node of the kernel's memory driver: 3 is null, 7 is full."""
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    return path


def test_a_device_is_written_in_place_never_replaced(tmp_path):
    null = _device(tmp_path / "null", 3)
    assert atomic.writable(null, "--json") == null
    atomic.write(null, "the results\n", "the JSON results")
    assert stat.S_ISCHR(os.stat(null).st_mode), "the device became a regular file"
    assert os.listdir(tmp_path) == ["null"], "a temporary file was left beside it"


def test_a_full_device_is_one_line_and_stays_a_device(tmp_path):
    full = _device(tmp_path / "full", 7)
    with pytest.raises(UsageError, match=r"cannot write the JUnit XML .*full: No space left"):
        atomic.write(full, "x" * 10000, "the JUnit XML")
    assert stat.S_ISCHR(os.stat(full).st_mode)


def test_a_pipe_gets_the_text_and_stays_a_pipe(tmp_path):
    pipe = tmp_path / "results.fifo"
    os.mkfifo(pipe)
    read = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # a CI step reading it
    try:
        atomic.write(pipe, "the results\n", "the JSON results")
        assert os.read(read, 100) == b"the results\n"
    finally:
        os.close(read)
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


def test_a_link_stays_a_link_and_its_file_is_replaced(tmp_path):
    target = tmp_path / "kept" / "results.json"
    target.parent.mkdir()
    target.write_text("the last run's\n")
    link = tmp_path / "results.json"
    link.symlink_to(target)
    atomic.write(atomic.writable(link, "--json"), "this run's\n", "the JSON results")
    assert link.is_symlink() and target.read_text() == "this run's\n"


def test_a_dash_is_standard_output(fake, tmp_path, capsys):
    assert cli.main(["run", "--json", "-"], {}, io.StringIO()) == 1
    said = capsys.readouterr().out
    assert json.loads(said)["failed"] == 1
    assert not os.path.exists("-") and not (tmp_path / "-").exists()
