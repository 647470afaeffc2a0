"""The Flask track's cross-site visits: the learner's app reached from a page on another
site (or a sibling of its own), by a link or by a form, as the browser really sends them;
from a second browser, the attacker's; and from its own page's form.

A part of ExerciseLab: it reads ``recorder`` (what the app received) and ``driver``, and
fails with ``check``."""

from urllib.parse import urlencode, urlsplit

from lab_app.sites import LAB_SITE
from scenarios.core.errors import CheckFailed
from scenarios.tracks.flask_track import other_site, served
from scenarios.tracks.flask_track.attacker import AttackerVisit


class CrossSiteVisits:
    def lab_site_url(self, path):
        """``path`` on the learner's app as the lab's site, lab.localhost at its port."""
        return self.site_url(LAB_SITE, path)

    def arrive_from(self, site, path, form=None, query=None):
        """Go to ``path`` on the learner's app (as lab.localhost) from a page on ``site``: by a
        link (with ``query``, a dict, in its URL), or with ``form`` (a dict) by a form posting
        it. Returns what the app received (an Exchange: the cookies carried, the method,
        Sec-Fetch-Site, its answer)."""
        method = "GET" if form is None else "POST"
        to = self.lab_site_url(path + (f"?{urlencode(query)}" if query else ""))
        self.visit_other(other_site.page_url(site, to, form))
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

    def attackers_form(self, login, path):
        """Every field of the form on ``path``, as a second browser (the attacker's, with a
        cookie jar of its own) sees it once it has visited ``login``: the attacker's token."""
        visit = AttackerVisit(self.base_url, LAB_SITE, self.config.page_load_seconds)
        for each in (login, path):
            status, page = visit.get(each)
            exchange = self.recorder.last.get(each)
            expected = (
                f"expected your app to answer {each} for a second browser (the attacker's, "
                "with cookies of its own) with a page"
            )
            if exchange is not None and exchange.error is not None:
                raise CheckFailed(f"{expected}, but {exchange.error}")
            self.check(status < 400, f"{expected}, but it answered {status}")
        return visit.form_fields(page)

    def send_form(self, path):
        """Click the button of the form on the current page, a page of the app's own, which
        must post to ``path``; what the app received."""
        buttons = self.driver.find_elements(
            "css selector", 'form button, form input[type="submit"]'
        )
        self.check(buttons, f"expected the form on {path} to have a submit button, but it has none")
        buttons[0].click()

        def sent():
            # The visit that showed the form came from no page (Sec-Fetch-Site: none); the
            # form's request comes from the page itself, whichever method it uses.
            exchange = self.recorder.last.get(path)
            return exchange if exchange and exchange.fetch_site == "same-origin" else None

        exchange = self.wait_until(
            sent,
            timeout=self.config.page_load_seconds,
            poll=0.05,
            message=f"expected the form on {path} to post to {path}, but it never did",
        )
        self.check(
            exchange.method == "POST",
            f"expected the form on {path} to post to {path}, but it sent a {exchange.method}, "
            'its fields in the URL: give the form method="post"',
        )
        if exchange.error is not None:
            raise CheckFailed(
                f"expected your app to answer its own form's POST, but {exchange.error}"
            )
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
