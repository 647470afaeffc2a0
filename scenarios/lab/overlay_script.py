"""The overlay's script, run in the page: a dock at the bottom of the window (the step's
banner, and beside it the browser's cookie jar) and a box around what the step looks at.

Everything lives in the shadow root of one element appended to <html>, outside <body>: no
selector a check uses reaches into it, and it never touches cookies or storage. The element
stays in the document's flow with the dock's height, so that anything on the page can be
scrolled above the dock. The instructor's keys and clicks are kept on it
(``cookieLabRequests``) for pacing.py to collect.
"""

import json

# The first line marks the overlay's own scripts: its command listener ignores them.
MARKER = "/* cookie-lab overlay */"

_STYLE = """
.box { position: absolute; z-index: 2147483646; border: 5px solid #ff8c00; border-radius: 6px;
       box-shadow: 0 0 0 9999px rgba(0, 0, 0, .12); pointer-events: none; }
.dock { position: fixed; z-index: 2147483647; left: 0; right: 0; bottom: 0;
        display: flex; gap: 20px;
        align-items: flex-start; padding: 12px 20px 14px; pointer-events: auto;
        font: 22px/1.35 system-ui, sans-serif; color: #fff; background: #1d1d1f;
        border-top: 8px solid #ff8c00; }
.dock[data-state="passed"] { border-top-color: #2e9d4b; }
.dock[data-state="failed"] { border-top-color: #d03030; }
.banner { flex: 0 0 35%; min-width: 0; }
.scenario { font-size: 18px; color: #ffcf8a; }
.narration { font-size: 22px; }
.message { color: #ffc4c4; font-size: 20px; }
.controls { margin-top: 6px; font-size: 17px; color: #e0e0e0; }
.next { display: none; font: bold 20px system-ui, sans-serif; padding: 4px 16px;
        margin-right: 12px; color: #1d1d1f; background: #ffcf8a; border: 0;
        border-radius: 6px; cursor: pointer; }
.dock[data-waiting="step"] .next, .dock[data-waiting="paused"] .next { display: inline-block; }
.jar { flex: 1 1 auto; min-width: 0; font-size: 15px; }
.jar-title { font-size: 16px; color: #ffcf8a; margin-bottom: 2px; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { text-align: left; padding: 1px 4px; border-bottom: 1px solid #444;
         white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
th { white-space: normal; vertical-align: bottom; font-size: 14px; }
col.name { width: 24%; } col.value { width: 11%; } col.path { width: 20%; }
col.left { width: 9%; } col.flag { width: 9%; }
th { color: #cfcfcf; font-weight: normal; }
td.name { font-family: ui-monospace, monospace; font-size: 14px; }
tr.focus td { background: #5a3a00; color: #fff; }
td.no { color: #ff9d9d; font-weight: bold; }
td.yes { color: #9de3ad; }
td.expired { color: #ff9d9d; }
[hidden] { display: none !important; }
"""

_MARKUP = """
<div class="box" hidden></div>
<div class="dock"><div class="banner">
  <div class="scenario"><span class="title"></span> <span class="count"></span></div>
  <div class="narration"></div><div class="message" hidden></div>
  <div class="controls"><button class="next" type="button">Next \u25b6</button>
    <span class="hint"></span></div>
</div><div class="jar" hidden>
  <div class="jar-title">The browser's cookie jar (<span class="scope"></span>)</div>
  <table><colgroup><col class="name"><col class="value"><col class="path"><col class="left">
    <col class="flag"><col class="flag"><col class="flag"><col class="flag"></colgroup>
  <thead><tr><th>name</th><th>value</th><th>path</th><th>expires</th><th>HttpOnly</th>
    <th>SameSite</th><th>sent here?</th><th>JS sees?</th></tr></thead>
  <tbody></tbody></table>
</div></div>
"""

_HINTS = {
    "step": "Enter, Next, Space or \u2192: next step \u00b7 q or Esc: stop",
    "paused": "Paused \u00b7 Space or Next resumes \u00b7 Esc stops",
    "slow": "Space pauses \u00b7 Esc stops",
}

# Arguments: one object {scenario, count, narration, state, message, selectors, focus, mode,
# jar: null | {scope, rows: [{name, value, path, left, http_only, same_site}]}}.
SHOW = (
    MARKER
    + """
const s = arguments[0];
let host = document.querySelector("cookie-lab-overlay");
if (!host) {
  host = document.createElement("cookie-lab-overlay");
  host.style.cssText = "display:block;pointer-events:none";
  host.attachShadow({mode: "open"}).innerHTML = `<style>STYLE</style>MARKUP`;
  document.documentElement.appendChild(host);
  host.cookieLabRequests = [];
  const ask = (what) => host.cookieLabRequests.push(what);
  host.shadowRoot.querySelector(".next").addEventListener("click", () => ask("next"));
  addEventListener("keydown", (e) => {
    const what = {" ": "space", ArrowRight: "next", Escape: "quit"}[e.key];
    if (!what) return;
    e.preventDefault();
    ask(what);
  }, true);
  setInterval(() => countDown(host.shadowRoot), 250);
}
function countDown(root) {
  for (const cell of root.querySelectorAll("td[data-deadline]")) {
    const left = Math.ceil((Number(cell.dataset.deadline) - performance.now()) / 1000);
    cell.textContent = left <= 0 ? "expired" : left > 172800 ? `${Math.round(left / 86400)} days`
      : left > 7200 ? `${Math.round(left / 3600)} h` : `${left} s`;
    cell.classList.toggle("expired", left <= 0);
  }
}
const root = host.shadowRoot;
const dock = root.querySelector(".dock");
dock.dataset.state = s.state;
dock.dataset.mode = s.mode;
root.querySelector(".title").textContent = s.scenario;
root.querySelector(".count").textContent = s.count;
const mark = {passed: "\\u2714 ", failed: "\\u2718 "}[s.state] || "";
root.querySelector(".narration").textContent = mark + s.narration;
const said = root.querySelector(".message");
said.textContent = s.message;
said.hidden = !s.message;
root.querySelector(".hint").textContent = HINTS[dock.dataset.waiting || s.mode] || "";
const jar = root.querySelector(".jar");
jar.hidden = !s.jar;
if (s.jar) {
  root.querySelector(".scope").textContent = s.jar.scope;
  const carried = document.getElementById("received-cookies") && new Set(Array.from(
    document.querySelectorAll("#received-cookies tr[data-cookie-name]"),
    (row) => row.dataset.cookieName));
  const seen = new Set(document.cookie.split("; ").map((pair) => pair.split("=")[0]));
  const yesNo = (yes) => yes ? ["yes", "yes"] : ["no", "no"];
  const body = root.querySelector("tbody");
  body.replaceChildren(...s.jar.rows.map((c) => {
    const row = document.createElement("tr");
    row.className = s.focus.includes(c.name) ? "focus" : "";
    const cells = [
      [c.name, "name"], [c.value, ""], [c.path, ""], [c.left === null ? "session" : "", ""],
      [c.http_only ? "yes" : "\\u2013", ""], [c.same_site, ""],
      carried ? yesNo(carried.has(c.name)) : ["?", ""], yesNo(seen.has(c.name)),
    ];
    for (const [text, cls] of cells) {
      const cell = row.insertCell();
      cell.textContent = text;
      cell.className = cls;
      cell.title = text;
    }
    if (c.left !== null) row.cells[3].dataset.deadline = performance.now() + 1000 * c.left;
    return row;
  }));
  countDown(root);
}
// The element stays in the page's flow as tall as the dock: the page can always scroll
// what the step looks at above it.
host.style.height = `${dock.offsetHeight}px`;
const box = root.querySelector(".box");
const target = s.selectors.map((sel) => document.querySelector(sel)).find(Boolean);
box.hidden = !target;
if (target) {
  const free = innerHeight - dock.offsetHeight;
  let r = target.getBoundingClientRect();
  if (r.top < 12 || r.bottom > free - 12) {
    scrollBy(0, r.top - Math.max(12, (free - r.height) / 3));
    r = target.getBoundingClientRect();
  }
  Object.assign(box.style, {
    top: `${r.top + scrollY - 8}px`, left: `${r.left + scrollX - 8}px`,
    width: `${r.width + 6}px`, height: `${r.height + 6}px`,
  });
}
""".replace("STYLE", _STYLE)
    .replace("MARKUP", _MARKUP)
    .replace("HINTS", json.dumps(_HINTS))
)

# Hands over (and forgets) what the instructor asked for in the page, and says what the dock
# offers meanwhile: "step" (a Next button), "paused", or "" (nothing to press: a step runs).
READ_REQUESTS = (
    MARKER
    + """
const host = document.querySelector("cookie-lab-overlay");
if (!host) return [];
const dock = host.shadowRoot.querySelector(".dock");
dock.dataset.waiting = arguments[0];
host.shadowRoot.querySelector(".hint").textContent =
  HINTS[arguments[0] || dock.dataset.mode] || "";
const asked = host.cookieLabRequests;
host.cookieLabRequests = [];
return asked;
""".replace("HINTS", json.dumps(_HINTS))
)
