"""What a learner's code may do (end Python, serve forever, loop, start threads) never ends
or wedges the checker, nor leaves a browser behind: each mistake is one clear sentence.

In-process through check_one on the session's browser where the checker's own process is
not what is being proved; as a real process only for exit codes, Ctrl-C and leaks.
"""

import io
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import Lines, processes_tagged, survivors, tagged_env

from scenarios.content.exercises.catalog import BY_NUMBER
from scenarios.content.exercises.catalog import FLASK_TRACK as EXERCISES
from scenarios.core.config import Config
from scenarios.core.processes import settle
from scenarios.tracks.exercises import run
from scenarios.tracks.flask_track.workshop import check_one

ROOT = Path(__file__).resolve().parents[1]
CONFIG = Config(headless=True)
SOLVED = {e.number: (ROOT / "solutions" / e.folder / "app.py").read_text() for e in EXERCISES}


class Overran(Exception):
    pass


@contextmanager
def bounded(seconds):
    """Fail, rather than hang, a test whose code under test never returns."""

    def expire(signum, frame):
        raise Overran(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def solution(number, at_import="", in_bake=""):
    """Exercise ``number``'s reference solution, with a mistake added at import or in a view."""
    source = SOLVED[number] + at_import
    if in_bake:
        assert "def bake():\n" in source
        source = source.replace("def bake():\n", f"def bake():\n    {in_bake}\n")
    return source


def tree(tmp_path, sources):
    """An exercises tree with ``sources`` ({number: app.py's text}) in their folders."""
    for number, source in sources.items():
        folder = tmp_path / "exercises" / BY_NUMBER[number].folder
        folder.mkdir(parents=True)
        (folder / "app.py").write_text(source)
    return tmp_path


def check(tmp_path, browser, source, number=1, config=CONFIG):
    app_file = tree(tmp_path, {number: source}) / "exercises" / BY_NUMBER[number].folder
    with bounded(30):
        return check_one(BY_NUMBER[number], app_file / "app.py", browser, config, _quiet)


def _quiet(*event):
    pass


MISTAKES = {
    "sys-exit": (
        solution(1, "import sys\nsys.exit()\n"),
        "to load, but it called sys.exit() on line 25 (in <module>)",
    ),
    "sys-exit-3": (solution(1, "import sys\nsys.exit(3)\n"), "it called sys.exit(3) on line 25"),
    "raise-system-exit": (solution(1, "raise SystemExit\n"), "it called sys.exit() on line 24"),
    "raise-keyboard-interrupt": (
        solution(1, "raise KeyboardInterrupt\n"),
        "to load, but it raised KeyboardInterrupt on line 24 (in <module>)",
    ),
    "os-exit": (
        solution(1, "import os\nos._exit(0)\n"),
        "to load, but its process ended with exit status 0: does it call os._exit()?",
    ),
    "import-error": (
        solution(1, "import no_such_module\n"),
        "it raised ModuleNotFoundError: No module named 'no_such_module' on line 24",
    ),
    "sys-exit-in-view": (
        solution(1, in_bake="raise SystemExit(4)"),
        "expected your app to answer /bake with a page, but it called sys.exit(4) on line 21 "
        "(in bake)",
    ),
    "sys-exit-in-a-streamed-page": (
        solution(1, in_bake="return (__import__('sys').exit(5) for _ in 'x')"),
        "expected your app to answer /bake with a page, but it called sys.exit(5) on line 21",
    ),
    "os-exit-in-view": (
        solution(1, in_bake="import os; os._exit(0)"),
        "expected your app to answer /bake with a page, but its process ended with exit status 0",
    ),
}


@pytest.mark.browser
@pytest.mark.parametrize("source, says", MISTAKES.values(), ids=MISTAKES.keys())
def test_a_mistake_that_would_end_the_checker_is_one_sentence(tmp_path, browser, source, says):
    outcome = check(tmp_path, browser, source)
    assert not outcome.solved
    assert says in outcome.steps[-1].message


INERT = {
    "app-run": solution(1, "app.run()\n"),
    "app-run-debug": solution(1, "app.run(debug=True)\n"),
    "thread": solution(
        1, "import threading\nthreading.Thread(target=threading.Event().wait).start()\n"
    ),
}


@pytest.mark.browser
@pytest.mark.parametrize("source", INERT.values(), ids=INERT.keys())
def test_app_run_and_threads_at_import_do_not_stop_a_solution_passing(tmp_path, browser, source):
    outcome = check(tmp_path, browser, source)
    assert outcome.solved, [s.message for s in outcome.steps if not s.passed]


@pytest.mark.browser
def test_an_endless_loop_at_import_is_bounded_and_named(tmp_path, browser):
    config = replace(CONFIG, app_start_seconds=3)
    start = time.monotonic()
    outcome = check(tmp_path, browser, solution(1, "while True:\n    pass\n"), config=config)
    assert time.monotonic() - start < 3 + 5  # bounded (the check's own steps take the rest)
    assert outcome.steps[-1].message == (
        f"expected {tmp_path}/exercises/01_set_a_cookie/app.py to load within 3 s, but it was "
        "still loading: an endless loop, or a wait, outside any view?"
    )


@pytest.mark.browser
def test_an_endless_loop_in_a_view_is_named_with_its_path(tmp_path, browser):
    config = replace(CONFIG, page_load_seconds=3)
    browser.driver.set_page_load_timeout(3)  # as Browser sets it from the config
    try:
        outcome = check(tmp_path, browser, solution(1, in_bake="while True: pass"), config=config)
    finally:
        browser.driver.set_page_load_timeout(CONFIG.page_load_seconds)
    assert [s.message for s in outcome.steps if not s.passed] == [
        "your app did not answer /bake within 3 s: an endless loop?"
    ]


@pytest.mark.browser
def test_a_path_the_browser_ignores_does_not_pass_by_accident(tmp_path, browser):
    # Path=account is invalid: Chromium falls back to the page's folder, /account, by chance.
    source = SOLVED[5].replace('path="/account"', 'path="account"')
    outcome = check(tmp_path, browser, source, number=5)
    assert not outcome.solved
    assert outcome.steps[-1].message == (
        "expected /account/login to send account with Path=/account, but it sent "
        "Set-Cookie: account=ada; Path=account (a path must start with /)"
    )


@pytest.mark.browser
def test_a_deletion_that_misses_shows_the_set_cookie_it_sent(
    tmp_path, browser, committed_exercises
):
    starter = (committed_exercises / EXERCISES[5].folder / "app.py").read_text()
    outcome = check(tmp_path, browser, starter, number=6)
    assert outcome.steps[-1].message.endswith(
        "; /shop/empty sent Set-Cookie: basket=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; "
        "Max-Age=0; Path=/"
    )


@pytest.mark.browser
def test_the_scoreboard_checks_every_exercise_past_the_first_unsolved(
    tmp_path, committed_exercises
):
    solved = (1, 3, 5, 6)
    starters = {
        e.number: (committed_exercises / e.folder / "app.py").read_text() for e in EXERCISES
    }
    root = tree(tmp_path, {n: SOLVED[n] if n in solved else starters[n] for n in starters})
    out = io.StringIO()
    outcomes = run(CONFIG, list(EXERCISES), root / "exercises", out)
    assert [o.exercise.number for o in outcomes if o.solved] == list(solved)
    said = out.getvalue()
    assert f"Scoreboard: 4 of {len(EXERCISES)} solved" in said
    assert "  FAIL " in said.partition("Exercise 2:")[2].partition("Exercise 3:")[0]  # in full
    assert "Exercise 3: Count visits in a cookie: solved\n" in said  # quietly
    board = said.rpartition("Scoreboard")[2].splitlines()[1:]
    assert [line.endswith("  solved") for line in board] == [e.number in solved for e in EXERCISES]


def swap(number, old, new):
    """Exercise ``number``'s reference solution with ``old`` (which it must hold) as ``new``."""
    assert old in SOLVED[number], (number, old)
    return SOLVED[number].replace(old, new)


def script(js):
    """A line for a view: ``js`` run by the page the response carries."""
    return f'response.set_data(response.get_data() + b"<script>{js}</script>")'


# What a hurried learner might write: each passes some of the check, not what the README asks.
SHORTCUTS = {
    "1-a-script-sets-the-cookie": (
        swap(
            1,
            'response.set_cookie("flavour", "chocolate-chip")',
            script("document.cookie='flavour=chocolate-chip'"),
        ),
        "expected the response to /bake to set flavour with a Set-Cookie header, but it sent "
        "no Set-Cookie for flavour (the browser's flavour came from a script in the page, or "
        "another page): the lesson is the response's Set-Cookie header, response.set_cookie(...)",
    ),
    "1-a-redirect-to-a-route-that-sets-it": (
        swap(
            1,
            'response.set_cookie("flavour", "chocolate-chip")\n    return response',
            (
                'return __import__("flask").redirect("/oven")\n\n\n'
                '@app.route("/oven")\ndef oven():\n'
                '    response = make_response("<h1>Baked</h1>")\n'
                '    response.set_cookie("flavour", "chocolate-chip")\n    return response'
            ),
        ),
        "but it sent no Set-Cookie for flavour (it answered 302, a redirect: the cookie must "
        "come on /bake's own response)",
    ),
    "1-every-route-sets-it": (
        SOLVED[1]
        + (
            "\n\n@app.after_request\ndef every(response):\n"
            '    response.set_cookie("flavour", "chocolate-chip")\n    return response\n'
        ),
        "expected the response to / to send no Set-Cookie for flavour (only /bake gives it; "
        "the browser sends it back by itself), but it sent Set-Cookie: flavour=chocolate-chip; "
        "Path=/",
    ),
    "1-not-a-session-cookie": (
        swap(1, '"chocolate-chip")', '"chocolate-chip", max_age=3600)'),
        "expected flavour to be a session cookie, with no Max-Age or Expires, but the response "
        "to /bake sent Set-Cookie: flavour=chocolate-chip; Expires=",
    ),
    "1-a-path-the-page-is-not-under": (
        swap(1, '"chocolate-chip")', '"chocolate-chip", path="/bake")'),
        "expected the request to / to carry flavour, but your app set flavour with Path=/bake, "
        "so the browser does not send it to /",
    ),
    "2-a-key-error": (
        swap(2, 'request.cookies.get("name", "stranger")', 'request.cookies["name"]'),
        "expected your app to answer / with a page, but it read request.cookies['name'] on "
        "line 17 of app.py (in greet), and the request carried no such cookie: use "
        "request.cookies.get('name'), which gives None (or a default you pass) when it is missing",
    ),
    "2-a-script-writes-the-greeting": (
        swap(
            2,
            'f"<h1>Hello, {escape(name)}!</h1>"',
            (
                '"<h1 id=h>Hello, stranger!</h1><script>'
                "var m = document.cookie.match(/name=(\\\\w+)/);"
                "if (m) h.textContent = 'Hello, ' + m[1] + '!';</script>\""
            ),
        ),
        'expected the page your app sent for / to say "Hello, Ada!" in its <h1>, but its <h1> '
        'says "Hello, stranger!": a script in the page wrote the heading the browser shows',
    ),
    "2-the-name-kept-on-the-server": (
        swap(2, 'request.cookies.get("name", "stranger")', 'LAST.get("name", "stranger")')
        .replace(
            '    response.set_cookie("name", name)',
            '    LAST["name"] = name\n    response.set_cookie("name", name)',
        )
        .replace("app = Flask(__name__)", "app = Flask(__name__)\nLAST = {}"),
        'expected the page\'s heading to say "Hello, Linus!", but it says "Hello, Grace!": the '
        "name must come from the cookie the request carried",
    ),
    "3-the-count-kept-on-the-server": (
        swap(
            3, "carried.isdigit() else 1", "carried.isdigit() else 1\n    visits = next(COUNT)"
        ).replace(
            "app = Flask(__name__)",
            "app = Flask(__name__)\nCOUNT = __import__('itertools').count(1)",
        ),
        'expected the page\'s heading to say "This is visit number 42.", but it says "This is '
        'visit number 4.": the count must come from the cookie the request carried',
    ),
    "3-a-script-counts-in-the-page": (
        swap(
            3,
            'response.set_cookie("visits", str(visits))',
            (
                'response = make_response("<h1 id=h></h1><script>'
                "var m = document.cookie.match(/visits=(\\\\d+)/), n = m ? +m[1] + 1 : 1;"
                "document.cookie = 'visits=' + n;"
                "h.textContent = 'This is visit number ' + n + '.';"
                '</script>")'
            ),
        ),
        'expected the page your app sent for / to say "This is visit number 1." in its <h1>, '
        "but its <h1> is empty: a script in the page wrote the heading the browser shows",
    ),
    "4-a-script-gives-the-lifetime": (
        swap(
            4,
            ', max_age=app.config["SALE_SECONDS"])',
            ")\n    " + script("document.cookie='sale=on; max-age=3'"),
        ),
        "expected the response to /start-sale to give sale its lifetime in its Set-Cookie header "
        "(Max-Age or Expires), but it sent Set-Cookie: sale=on; Path=/, with neither: the expiry "
        "the browser holds came from a script in the page",
    ),
    "6-a-script-deletes-the-cookie": (
        swap(
            6,
            'response.delete_cookie("basket", path="/shop")',
            'response.delete_cookie("basket")'
            "\n    " + script("document.cookie='basket=; path=/shop; max-age=0'"),
        ),
        "expected the response to /shop/empty to delete basket at Path=/shop, but it sent "
        "Set-Cookie: basket=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/: the "
        "browser dropped basket all the same, so a script in the page deleted it",
    ),
    "6-the-shop-always-empty": (
        swap(6, "    if basket:\n", "    if False:\n"),
        'expected the page\'s heading to say "Your basket holds 3 cookies.", but it says "Your '
        'basket is empty."',
    ),
    "7-a-script-gives-the-lifetime": (
        swap(
            7,
            ", max_age=timedelta(days=30))",
            ")\n    " + script("document.cookie='theme=dark; max-age=2592000; path=/'"),
        ),
        "expected the response to /save/dark to give theme its lifetime in its Set-Cookie "
        "header (Max-Age or Expires), but it sent Set-Cookie: theme=dark; Path=/, with neither",
    ),
    # As exercise 7's theme at Path=/save would, without a restart on the way to the check.
    "2-a-path-the-page-is-not-under": (
        swap(
            2,
            'response.set_cookie("name", name)',
            'response.set_cookie("name", name, path="/remember")',
        ),
        "expected the request to / to carry name, but your app set name with Path=/remember, so "
        "the browser does not send it to /",
    ),
}


@pytest.mark.browser
def test_a_shortcut_past_the_lesson_is_unsolved_and_says_what_is_missing(tmp_path, browser):
    # One test for them all, on the session's browser: each fails at its first wrong step.
    wrong = {}
    for n, (name, (source, says)) in enumerate(SHORTCUTS.items()):
        outcome = check(tmp_path / str(n), browser, source, number=int(name[0]))
        said = [s.message for s in outcome.steps if not s.passed]
        if outcome.solved or not said or says not in said[-1]:
            wrong[name] = said
    assert wrong == {}


LAX = 'samesite="Lax")'
CHECKED = (
    'if not expected or not secrets.compare_digest(request.form.get("csrf_token", ""), expected):'
)
KEPT = 'token = session.setdefault("csrf_token", secrets.token_urlsafe(32))'
FORM = '<form method="post" action="/transfer">'
# A check of where the POST came from, in place of the token's: it stops the other pages.
ORIGIN = (
    'if __import__("urllib.parse").parse.urlsplit(request.headers.get("Origin", "")).hostname '
    '!= "lab.localhost":'
)

# Wrong fixes to the two-site exercises a learner-role tester found graded solved, and the
# cookie attributes whose failure named the wrong cause: each unsolved, with the right cause.
CROSS_SITE_MISTAKES = {
    "16-a-path-the-link-misses": (
        swap(16, LAX, 'samesite="Lax", path="/login")'),
        "expected the link from other.localhost to carry session_id, but it did not: your app "
        "set session_id with Path=/login, so the browser does not send it to /account",
    ),
    "16-strict": (
        swap(16, LAX, 'samesite="Strict")'),
        "but it did not: SameSite=Strict keeps a cookie home even when another site links to you",
    ),
    "16-none-without-secure": (
        swap(16, LAX, 'samesite="None")'),
        "expected the browser to store a cookie named session_id, but it refused the one your "
        "app sent, Set-Cookie: session_id=ada-session-1; HttpOnly; Path=/; SameSite=None: a "
        "browser drops a SameSite=None cookie that does not say Secure too (secure=True)",
    ),
    "17-a-token-every-session-shares": (
        swap(17, KEPT, 'token = "s3cret-shared-token"').replace(
            'expected = session.get("csrf_token", "")', 'expected = "s3cret-shared-token"'
        ),
        "expected the attacker's form on /transfer to carry a token of its own, but it carries "
        'the one your page gave this browser, "s3cret-shared-token"',
    ),
    "17-the-token-checked-only-when-sent": (
        swap(
            17,
            CHECKED,
            'if "csrf_token" in request.form and not secrets.compare_digest('
            'request.form["csrf_token"], expected):',
        ),
        "expected your app to refuse the transfer posted from sub.lab.localhost, but it "
        'answered "Transfer done.": it had no csrf_token at all',
    ),
    "17-the-token-compared-with-the-form": (
        swap(
            17,
            CHECKED,
            'if request.form.get("csrf_token") != request.form.get("csrf_expected"):',
        ).replace(
            '<button type="submit">',
            '<input type="hidden" name="csrf_expected" value="{token}">\n  <button type="submit">',
        ),
        "expected your app to refuse the transfer posted from sub.lab.localhost, but it "
        'answered "Transfer done.": the attacker posted every field of their own form (amount, '
        "csrf_token, csrf_expected), their own token included",
    ),
    "17-a-get-that-transfers": (
        swap(
            17,
            "    token = session.setdefault(",
            '    if "amount" in request.args:\n'
            '        return "<h1>Transfer done.</h1>"\n'
            "    token = session.setdefault(",
        ),
        'expected your app not to make a transfer on a GET, but it answered "Transfer done." '
        "to the link from other.localhost to /transfer?amount=1000",
    ),
    # A GET that records the transfer and shows the form: its <h1> says nothing was done.
    "17-a-get-that-records-and-shows-the-form": (
        swap(
            17,
            "    token = session.setdefault(",
            '    if "amount" in request.args:\n'
            '        TRANSFERS.append(request.args["amount"])\n'
            "    token = session.setdefault(",
        ),
        "your app counts 3 transfers, but only 2 were made by its own form: an attack moved "
        "money though its page said otherwise",
    ),
    "17-a-refusal-that-records": (
        swap(
            17,
            '            return "<h1>Transfer refused.</h1>", 403',
            '            TRANSFERS.append(request.form.get("amount", "?"))\n'
            '            return "<h1>Transfer refused.</h1>", 403',
        ),
        "only 2 were made by its own form: an attack moved money though its page said otherwise",
    ),
    "17-a-dummy-token-and-an-origin-check": (
        swap(17, CHECKED, ORIGIN).replace(KEPT, 'token = "dummy"'),
        "expected the attacker's form on /transfer to carry a token of its own, but it carries "
        'the one your page gave this browser, "dummy"',
    ),
    "17-a-token-never-checked-and-an-origin-check": (
        swap(17, CHECKED, ORIGIN),
        "expected your app to refuse a POST from its own page carrying the attacker's token, "
        'but it answered "Transfer done.": it does not check the token',
    ),
    "17-strict": (
        swap(17, LAX, 'samesite="Strict")'),
        "expected the link from other.localhost to carry session_id, but it did not: "
        "SameSite=Strict keeps a cookie home even when another site links to you, so your "
        "users would arrive signed out",
    ),
    "17-a-path-the-transfer-misses": (
        swap(17, LAX, 'samesite="Lax", path="/login")'),
        "expected your app to answer /transfer with a page, but it answered 403, and the "
        "request carried no session_id: your app set session_id with Path=/login, so the "
        "browser does not send it to /transfer",
    ),
    "17-a-form-that-gets": (
        swap(17, FORM, FORM.replace("post", "get")),
        "expected the form on /transfer to post to /transfer, but it sent a GET, its fields "
        'in the URL: give the form method="post"',
    ),
}


@pytest.mark.browser
@pytest.mark.parametrize("name", CROSS_SITE_MISTAKES)
def test_a_wrong_cross_site_fix_is_unsolved_and_names_its_cause(tmp_path, browser, name):
    (source, says), number = CROSS_SITE_MISTAKES[name], int(name.partition("-")[0])
    outcome = check(tmp_path, browser, source, number=number)
    said = [s.message for s in outcome.steps if not s.passed]
    assert not outcome.solved
    assert said and says in said[-1], said


# --- a real process: exit codes, Ctrl-C, nothing left behind -------------------------------


@pytest.fixture
def env():
    """A tagged environment for the checker; whatever it leaves running, even when the test
    fails halfway, is killed after the test."""
    env = tagged_env()
    yield env
    survivors(env, timeout=0)


def checker(root, *numbers, env, cwd=None):
    """`cookie-lab check` on the exercises tree under ``root``: given with --exercises, or
    found from ``cwd`` inside it, as in a second checkout sharing this one's .venv."""
    where = [] if cwd else ["--exercises", root / "exercises"]
    return subprocess.Popen(
        [sys.executable, "-m", "scenarios", "check", *where, *numbers],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a process group of its own, as a shell runs a job
    )


def finish(process, timeout):
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGTERM)  # it closes its browser before the test fails
        out, err = process.communicate(timeout=30)
        raise AssertionError(f"still running after {timeout} s:\n{out}{err}") from None
    return process.returncode, out, err


@pytest.mark.browser
def test_the_mistakes_end_with_exit_1_no_traceback_and_no_browser_left(tmp_path, env):
    sources = {
        1: MISTAKES["sys-exit-3"][0],
        2: MISTAKES["os-exit"][0],
        3: MISTAKES["raise-keyboard-interrupt"][0],
        6: SOLVED[6] + "import os\nos._exit(0)\n",
        8: SOLVED[8] + "app.run(debug=True)\n",
    }
    status, out, err = finish(
        checker(tree(tmp_path, sources), "1", "2", "3", "6", "8", env=env), 90
    )
    assert (status, err) == (1, ""), out + err
    assert "Scoreboard: 1 of 5 solved" in out
    assert out.rstrip().endswith("8  An HttpOnly cookie page scripts cannot read  solved")
    # --exercises DIR: the tree given is the one checked, and the one the learner is sent to.
    app_file = tmp_path / "exercises" / "01_set_a_cookie" / "app.py"
    assert f"Start your app from {app_file} (" in out
    assert f"Edit{app_file}andrunthecheckagain" in "".join(out.split())  # however wrapped
    assert survivors(env) == []


@pytest.mark.browser
def test_a_solution_with_app_run_debug_and_a_thread_exits_0_and_leaves_nothing(tmp_path, env):
    source = INERT["thread"] + "app.run(debug=True)\n"
    # Run in the exercise's folder of a second checkout (this one's exercise 1 is unsolved):
    # the checker finds that checkout's exercises/ above it, whatever installed the package.
    folder = tree(tmp_path, {1: source}) / "exercises" / "01_set_a_cookie"
    status, out, err = finish(checker(tmp_path, "1", env=env, cwd=folder), 60)
    assert status == 0, out + err
    assert "Start your app from app.py (" in out
    assert "Solved: exercise 1 passes its check." in out
    assert survivors(env) == []


@pytest.mark.browser
def test_ctrl_c_during_an_endless_view_ends_the_run_at_once(tmp_path, env):
    root = tree(tmp_path, {1: solution(1, in_bake="while True: pass")})
    process = checker(root, "1", env=env)
    try:
        Lines(process.stdout).until("  ok   Start")
        # The page load of /bake is now waiting on the endless loop.
        os.killpg(process.pid, signal.SIGINT)
        signalled = time.monotonic()
        assert process.wait(timeout=10) == 130
        took = time.monotonic() - signalled
        assert took < 5, f"the run ended {took:.1f} s after Ctrl-C"  # ~0.7 s on an idle machine
    finally:
        if process.poll() is None:
            process.kill()
    assert "interrupted; the browser was closed" in process.stderr.read()
    assert survivors(env) == []


LOADING_FOREVER = (
    "import sys\n"
    "from pathlib import Path\n"
    "from scenarios.tracks.flask_track.learner import LearnerApp\n"
    "LearnerApp(Path(sys.argv[1]), 'app.py', 600, 600).__enter__()\n"
)


def test_the_app_process_ends_when_the_checker_is_killed_mid_import(tmp_path, env):
    # SIGKILL runs no cleanup in the checker: the app's process notices its lifeline close.
    root = tree(tmp_path, {1: solution(1, "while True:\n    pass\n")})
    app_file = root / "exercises" / EXERCISES[0].folder / "app.py"
    process = subprocess.Popen([sys.executable, "-c", LOADING_FOREVER, app_file], env=env)
    try:
        both = settle(lambda: len(processes_tagged(env)) < 2, timeout=30)
        assert not both, "the app's process never started"
    finally:
        process.kill()
        process.wait()
    assert survivors(env) == []
