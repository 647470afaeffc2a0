"""The learner's app seen through the browser: a Lab whose page is read from the app's own
side (what each request carried, what each response set), with the checks' expectations."""

from urllib.parse import urlsplit

from selenium.common.exceptions import WebDriverException

from scenarios.core.errors import CheckFailed
from scenarios.lab.facade import Lab
from scenarios.lab.page import header_setting
from scenarios.tracks.flask_track.cross_site_visits import CrossSiteVisits
from scenarios.tracks.flask_track.learner import AppGone
from scenarios.tracks.flask_track.response_checks import ResponseExpectations


class RecordedPage:
    """The learner's page: theirs to design, so what its request carried, and what its
    response set, are read from the server's side (the app's recorder)."""

    def __init__(self, browser, recorder):
        self._browser, self._recorder = browser, recorder

    @property
    def path(self):
        return urlsplit(self._browser.driver.current_url).path

    def _exchange(self):
        return self._recorder.last.get(self.path)

    def carried(self):
        exchange = self._exchange()
        return dict(exchange.cookies) if exchange else {}

    def set_cookie_headers(self):
        """The Set-Cookie headers the app answered the current page with, as it sent them."""
        exchange = self._exchange()
        return list(exchange.set_cookies) if exchange else []

    def set_cookie_header(self, name):
        return header_setting(name, self.set_cookie_headers())


class ExerciseLab(CrossSiteVisits, ResponseExpectations, Lab):
    """A Lab on the learner's app, which ``app`` (a LearnerApp) serves and records."""

    def __init__(self, browser, config, app, observers=()):
        self.app_file, self.recorder = app.app_file, app
        self.visited = None  # the path last visited, whose response the checks read
        page = RecordedPage(browser, app)
        jar = browser.jar_for(app.url, ("/",))
        super().__init__(browser, app.url, config, observers, page=page, jar=jar)

    def app_config(self, name):
        """The learner's ``app.config[name]``, read from the app's own process."""
        return self.recorder.config(name)

    def no_answer(self, path):
        return (
            f"your app did not answer {path} within {self.config.page_load_seconds:g} s: "
            "an endless loop?"
        )

    def visit(self, url):
        """Load ``url`` and insist the learner's app answered its path with a page."""
        path = self.visited = urlsplit(url).path
        expected = f"expected your app to answer {path} with a page"
        try:
            super().visit(url)
            exchange = self.recorder.last.get(path)
        except WebDriverException:
            # The browser's "connection refused" says less than why: the app's process ended.
            if gone := self.recorder.gone():
                raise CheckFailed(f"{expected}, but {gone}") from None
            raise
        except AppGone as exc:  # or the browser showed its error page, and the app is gone
            raise CheckFailed(f"{expected}, but {exc.reason}") from None
        self.check(exchange is not None, f"{expected}, but the request never reached it")
        if exchange.error is not None:
            raise CheckFailed(f"{expected}, but {exchange.error}")
        self.check(exchange.status != 404, f"{expected}, but it has no route for {path} (404)")
        if exchange.status >= 400 and (why := self.kept_home_from(exchange)):
            raise CheckFailed(f"{expected}, but it answered {exchange.status}, and {why}")
        self.check(exchange.status < 400, f"{expected}, but it answered {exchange.status}")

    def heading(self):
        self._pointer.point("h1")  # boxed by the overlay in a headed run
        headings = self.driver.find_elements("tag name", "h1")
        return headings[0].text if headings else ""

    def expect_heading(self, text, why=""):
        """The page's heading says ``text``, as the app sent it; ``why``: what a wrong one
        means, said after it."""
        said = self.heading()
        saw = f'it says "{said}"' if said else "the page has no <h1> heading"
        why = f": {why}" if why and said else ""
        self.check(said == text, f'expected the page\'s heading to say "{text}", but {saw}{why}')
        self.expect_sent_heading(text)

    def expect_carried(self, name, value=None):
        if name not in self.page.carried() and (why := self.not_carried_because(name)):
            where = f"the request to {self.page.path}"
            raise CheckFailed(f"expected {where} to carry {name}, but {why}")
        super().expect_carried(name, value)

    def expect_lifetime(self, name, seconds, within):
        """``name`` is stored with an expiry about ``seconds`` away (give or take ``within``)."""
        left = self.days_to_expiry(name) * 86400
        self.check(
            abs(left - seconds) <= within,
            f"expected {name} to expire in about {_duration(seconds)}, but it expires in "
            f"{_duration(left)}",
        )


def _duration(seconds):
    if abs(seconds) >= 2 * 86400:
        return f"{seconds / 86400:.0f} days"
    return f"{seconds:.0f} seconds"
