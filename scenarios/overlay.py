"""The banner a watching class sees in the page: the scenario, the step's narration, its
result, and a box around the element the step looks at.

It must never change what a check reads, so it lives in the shadow root of one element
appended to <html> (outside <body> and <main>: no selector a check uses can reach into it),
it draws its box *over* the target instead of styling the target, and it never touches
cookies or storage.
"""

from scenarios.observers import Observer

# Arguments: scenario name, narration, state (running|passed|failed), message, and the CSS
# selectors of the element to box, the first one that matches wins.
_SHOW = """
const [scenario, narration, state, message, selectors] = arguments;
let host = document.querySelector("cookie-lab-overlay");
if (!host) {
  host = document.createElement("cookie-lab-overlay");
  host.style.cssText =
    "position:absolute;top:0;left:0;width:0;height:0;z-index:2147483647;pointer-events:none";
  host.attachShadow({mode: "open"}).innerHTML = `<style>
    .box { position: absolute; border: 5px solid #ff8c00; border-radius: 6px;
           box-shadow: 0 0 0 9999px rgba(0, 0, 0, .12); }
    .banner { position: fixed; left: 0; right: 0; bottom: 0; padding: 14px 28px;
              font: 24px/1.35 system-ui, sans-serif; color: #fff; background: #1d1d1fee;
              border-top: 8px solid #ff8c00; }
    .banner[data-state="passed"] { border-top-color: #2e9d4b; }
    .banner[data-state="failed"] { border-top-color: #d03030; }
    .scenario { font-size: 18px; color: #ffcf8a; }
    .message { color: #ffb0b0; }
    [hidden] { display: none; }
  </style>
  <div class="box" hidden></div>
  <div class="banner"><div class="scenario"></div><div class="narration"></div>
  <div class="message" hidden></div></div>`;
  document.documentElement.appendChild(host);
}
const root = host.shadowRoot;
const mark = {passed: "\\u2714 ", failed: "\\u2718 "}[state] || "";
root.querySelector(".banner").dataset.state = state;
root.querySelector(".scenario").textContent = scenario;
root.querySelector(".narration").textContent = mark + narration;
const said = root.querySelector(".message");
said.textContent = message;
said.hidden = !message;
const box = root.querySelector(".box");
const target = selectors.map((s) => document.querySelector(s)).find(Boolean);
box.hidden = !target;
if (target) {
  target.scrollIntoView({block: "center"});
  const r = target.getBoundingClientRect();
  Object.assign(box.style, {
    top: `${r.top + scrollY - 8}px`, left: `${r.left + scrollX - 8}px`,
    width: `${r.width + 6}px`, height: `${r.height + 6}px`,
  });
}
"""


def show(driver, scenario, narration, state="running", message="", look_at=()):
    driver.execute_script(_SHOW, scenario, narration, state, message, list(look_at))


class Overlay(Observer):
    """Draws each step of ``title`` in ``browser``'s page as it runs, for a watching class."""

    def __init__(self, browser, title):
        self._browser, self._title = browser, title
        self._step, self._looking_at = None, ()

    def step_started(self, step):
        self._step, self._looking_at = step, ()
        self._show()

    def looking_at(self, step, selectors):
        self._looking_at = selectors
        self._show()

    def step_finished(self, step):
        # An interrupted step (Ctrl-C, a cancelled wait) has no result to show.
        if step.passed is not None:
            self._show()

    def _show(self):
        if self._step is None:
            return
        step = self._step
        state = {None: "running", True: "passed", False: "failed"}[step.passed]
        try:
            show(
                self._browser.driver,
                self._title,
                step.narration,
                state,
                step.message,
                self._looking_at,
            )
        except Exception:  # noqa: BLE001 - only a show for the class
            # A browser that fails here fails the next real action too, which reports it.
            pass
