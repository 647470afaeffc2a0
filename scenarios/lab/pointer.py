"""What the watching class sees boxed on the page while a step runs.

The step declares what it is about (its cookies) and what shows its point (a page element);
that declaration wins over whatever the step's checks read on the way, so a check of another
cookie does not move the box off the step's own. The overlay hears it as "looking_at".
"""

from scenarios.core.observers import notify


class Pointer:
    """The current step, and the CSS selectors of what it looks at, told to the observers."""

    def __init__(self, observers):
        self._observers = observers
        self.step = None
        self.looking_at = ()

    def start(self, step):
        self.step, self.looking_at = step, ()
        if step.shows:
            self.point(step.shows)

    def point(self, *selectors, cookie=None):
        """Box the first of ``selectors``; ``cookie``: the one they are about. The step's own
        declaration wins: its element, and only its cookies."""
        step = self.step
        if step is not None and step.shows and selectors != (step.shows,):
            return
        if step is not None and cookie is not None and step.about:
            if cookie not in step.about:
                return
            if len(step.about) > 1:  # all of the step's cookies, not the last one checked
                selectors = ("#received-cookies",)
        self.looking_at = selectors
        notify(self._observers, "looking_at", step, selectors)

    def note(self, text):
        """What the step found, beside its narration: both figures of a comparison."""
        self.step.note = text
        notify(self._observers, "looking_at", self.step, self.looking_at)

    def after_visit(self):
        """Drawn again on the new page. A step that has looked at nothing yet points at what
        the response set: a visit's evidence is its Set-Cookie lines."""
        if self.looking_at:
            self.point(*self.looking_at)
        else:
            notify(self._observers, "looking_at", self.step, ("#set-cookie-headers",))

    def missing(self, name):
        """A cookie checked for its absence. A row the step already points at says more than
        the table it is missing from, unless the step is about this very cookie: then its
        absence is the point."""
        about = self.step is not None and name in self.step.about
        if not self.looking_at or about:
            self.point("#received-cookies")
