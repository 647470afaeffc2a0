"""The Flask track's cross-site visits: the learner's app reached from a page on another
site (or a sibling of its own), by a link or by a form, as the browser really sends them.

A part of ExerciseLab: it reads ``recorder`` (what the app received) and ``driver``, and
fails with ``check``."""

from urllib.parse import urlsplit

from lab_app.sites import LAB_SITE
from scenarios.core.errors import CheckFailed
from scenarios.tracks.flask_track import other_site, served


class CrossSiteVisits:
    def lab_site_url(self, path):
        """``path`` on the learner's app as the lab's site, lab.localhost at its port."""
        return self.site_url(LAB_SITE, path)

    def arrive_from(self, site, path, form=None):
        """Go to ``path`` on the learner's app (as lab.localhost) from a page on ``site``: by a
        link, or with ``form`` (a dict) by a form posting it. Returns what the app received
        (an Exchange: the cookies carried, the method, Sec-Fetch-Site, its answer)."""
        method = "GET" if form is None else "POST"
        self.visit_other(other_site.page_url(site, self.lab_site_url(path), form))
        self.driver.find_element("id", other_site.GO).click()
        self.visited = path

        def arrived():
            here = urlsplit(self.driver.current_url)
            ready = self.driver.execute_script("return document.readyState") == "complete"
            return here.hostname == LAB_SITE and here.path == path and ready

        how = "link" if form is None else "form"
        self.wait_until(
            arrived,
            timeout=self.config.page_load_seconds,
            poll=0.05,
            message=lambda: (
                f"expected the {how} on {site} to bring the browser to {path} on your app, but "
                f"the browser is at {self.driver.current_url}"
            ),
        )
        exchange = self.recorder.last.get(path)
        expected = f"expected your app to answer the {method} to {path} from {site}"
        if exchange is None or exchange.method != method:
            gone = self.recorder.gone()
            raise CheckFailed(f"{expected}, but {gone or 'the request never reached it'}")
        if exchange.error is not None:
            raise CheckFailed(f"{expected}, but {exchange.error}")
        return exchange

    def visit_other(self, url):
        """Load a page of the checker's other site (not the learner's app, whose answers
        ExerciseLab.visit insists on)."""
        self.driver.get(url)

    @staticmethod
    def heading_of(exchange):
        """The first <h1> of the page the app answered ``exchange`` with; None if none."""
        return served.first_heading(exchange.page)

    @staticmethod
    def samesite_of(header):
        """A Set-Cookie header's SameSite, as it says it; None when it has none."""
        return served.attribute(header, "SameSite")
