"""The board in a real browser: signed in once by the link the classroom prints (the token in
the fragment, then an HttpOnly, SameSite=Strict cookie no page script can read), it updates by
itself when a learner's real check posts, and a learner named like a tag is shown as text."""

import io

import pytest
from classroom_helpers import CODE, TOKEN, app_of, make_classroom
from selenium.webdriver.common.by import By
from selenium.webdriver.support.wait import WebDriverWait

from scenarios.classroom.handout import handout
from scenarios.cli.main import main
from scenarios.lab.server import LabServer

NAME = "<script>document.title=1</script><b>"


@pytest.mark.browser
def test_the_board_updates_when_a_learners_check_posts_and_names_are_text(driver, tmp_path):
    room = make_classroom(tmp_path / "class.db")
    copy = tmp_path / "learner"
    handout(copy)  # the learners' copy: its check runs and posts there
    exercises = ["--exercises", str(copy / "exercises")]
    with LabServer(app_of(room)) as server:
        room.url = server.url
        assert main(["join", server.url, "--code", CODE, "--name", NAME, *exercises]) == 0
        driver.get(f"{server.url}/login#token={TOKEN}")
        wait = WebDriverWait(driver, 15)
        wait.until(lambda d: d.find_element(By.ID, "live").text.startswith("live"))
        assert driver.current_url == f"{server.url}/board"  # the fragment gone with the token
        assert driver.execute_script("return document.cookie") == ""
        session = driver.get_cookie("board_session")
        assert (session["httpOnly"], session["sameSite"]) == (True, "Strict")
        name = driver.find_element(By.CSS_SELECTOR, "#rows .name")
        assert name.text == NAME
        assert driver.find_elements(By.CSS_SELECTOR, "#rows td.attempted") == []

        out = io.StringIO()
        assert main(["check", "1", *exercises], out=out) == 1  # the starter: not solved
        assert "1 verdict(s) sent" in out.getvalue()
        cell = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#rows td.attempted"))[0]
        assert cell.text.startswith("1 try · 0 min · ")
        assert "flavour" in cell.find_element(By.CSS_SELECTOR, ".failure").text
        explained = driver.find_element(By.ID, "explain-list").text
        assert explained.startswith("Exercise 1 (1 stuck on it): ")
        # Written as text, the name ran nothing and made no element.
        assert driver.title == "cookie-lab classroom: the board"
        assert driver.find_elements(By.CSS_SELECTOR, "#rows .name b, #rows script") == []
        assert driver.find_element(By.CSS_SELECTOR, "#rows .name").text == NAME
    room.store.close()
