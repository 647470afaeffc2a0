"""The cookie tutorial's routes, and the lab's lessons beyond it, served by a Flask app factory.

Run it alone exactly as the tutorial does: ``flask --app lab_app run``.
"""

from datetime import timedelta

import click
from flask import Flask

from lab_app.broken import check_broken, unsent
from lab_app.sites import check_drop

DEFAULTS = {
    # The tutorial's expiring cookie lives 15 seconds; tests may shorten it.
    "EXPIRY_SECONDS": 15,
    # Browsers cap any lifetime at 400 days, so the tutorial asks for exactly that...
    "LONG_MAX_AGE": timedelta(days=400),
    # ...and the lab asks for more on purpose, to show the browser capping it.
    "OVERLONG_MAX_AGE": timedelta(days=500),
    # The page's stylesheet and script never change while the lab runs: without this every
    # navigation would revalidate both, tripling the requests a scenario waits for.
    "SEND_FILE_MAX_AGE_DEFAULT": timedelta(hours=1),
    # None is the real lab; a name from lab_app/broken.py gets one behaviour wrong on purpose.
    "BROKEN": None,
    # None; or [cookie, attribute]: a cross-site route sets that cookie without it (sites.py).
    "DROP_ATTRIBUTE": None,
    # Where the other site's pages send the browser (sites.py): None is lab.localhost at this
    # server's port; the automation track sets the lab_url its learners log in at.
    "LAB_URL": None,
}


def create_app(test_config=None):
    """Build the lab app. ``test_config`` replaces the environment as the override source."""
    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    if test_config is None:
        # COOKIE_LAB_EXPIRY_SECONDS=30 becomes EXPIRY_SECONDS=30 (values are parsed as JSON;
        # COOKIE_LAB_BROKEN=expiry-60s is not JSON, so it stays a string).
        app.config.from_prefixed_env("COOKIE_LAB")
    else:
        app.config.from_mapping(test_config)
    _check_config(app.config)

    from lab_app import beyond, cross_site, tutorial

    # Every route's lesson, by endpoint: the page finds its own and links them all.
    lessons = {}
    for module in (tutorial, beyond, cross_site):
        app.register_blueprint(module.bp)
        lessons.update(
            {f"{module.bp.name}.{name}": lesson for name, lesson in module.LESSONS.items()}
        )
    app.extensions["cookie_lab_lessons"] = lessons
    app.after_request(unsent)  # nothing, but on a lab that shows headers it does not send
    return app


class ConfigError(ValueError, click.ClickException):
    """A setting the lab cannot run with. Still a ValueError for code that builds the app;
    `flask --app lab_app run` says it in one line ("Error: ...") and exits 2, not with a
    traceback."""

    exit_code = 2

    def __init__(self, message):
        click.ClickException.__init__(self, message)


def _check_config(config):
    try:
        check_broken(config["BROKEN"])
        check_drop(config["DROP_ATTRIBUTE"])
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    lab_url = config["LAB_URL"]
    if lab_url is not None and not str(lab_url).startswith(("http://", "https://")):
        raise ConfigError(f"LAB_URL must be None or an http(s) URL, got {lab_url!r}")
    expiry = config["EXPIRY_SECONDS"]
    if not isinstance(expiry, int) or isinstance(expiry, bool) or expiry < 1:
        raise ConfigError(f"EXPIRY_SECONDS must be a whole number of seconds >= 1, got {expiry!r}")
