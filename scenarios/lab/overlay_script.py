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

# Sized for the back row of a projected 1280-wide window: no text under 18 px, all of it
# white on the dock's near-black (the narration's contrast), and nothing cut: a long name
# wraps at its underscores, a long value is shortened in its middle (whole on hover).
_STYLE = """
.box { position: absolute; z-index: 2147483646; border: 5px solid #ff8c00; border-radius: 6px;
       box-shadow: 0 0 0 9999px rgba(0, 0, 0, .12); pointer-events: none; }
.dock { position: fixed; z-index: 2147483647; left: 0; right: 0; bottom: 0;
        display: flex; gap: 20px;
        align-items: flex-start; padding: 10px 16px 12px; pointer-events: auto;
        font: 22px/1.3 system-ui, sans-serif; color: #fff; background: #1d1d1f;
        border-top: 8px solid #ff8c00; }
.dock[data-state="passed"] { border-top-color: #2e9d4b; }
.dock[data-state="failed"] { border-top-color: #d03030; }
.banner { flex: 0 0 31%; min-width: 0; overflow-wrap: anywhere; }
.scenario { font-size: 19px; color: #ffcf8a; }
.narration { font-size: 22px; }
.note { font-size: 20px; margin-top: 4px; }
.message { color: #ffc4c4; font-size: 20px; }
.controls { margin-top: 6px; font-size: 18px; }
.next { display: none; font: bold 20px system-ui, sans-serif; padding: 4px 16px;
        margin-right: 12px; color: #1d1d1f; background: #ffcf8a; border: 0;
        border-radius: 6px; cursor: pointer; }
.dock[data-waiting="step"] .next, .dock[data-waiting="paused"] .next { display: inline-block; }
.jar { flex: 1 1 auto; min-width: 0; font-size: 18px; line-height: 1.2; }
.jar-title { font-size: 18px; font-weight: bold; margin-bottom: 2px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 2px 5px; border-bottom: 1px solid #555;
         vertical-align: top; overflow-wrap: break-word; }
th { font-weight: bold; vertical-align: bottom; }
td.name { font-family: ui-monospace, monospace; }
/* A value with no underscore or dot to break at (a session id) may break anywhere: else it
   widens the table past the panel's edge and cuts off its last columns. */
td.value { overflow-wrap: anywhere; }
tr.focus { outline: 3px solid #ff8c00; outline-offset: -2px; }
tr.focus td.name::before { content: "\u25b6 "; color: #ff8c00; }
td.no::before { content: "\u2718 "; color: #ff6b6b; }
td.yes::before { content: "\u2714 "; color: #5fd47a; }
td.expired::before { content: "\u231b "; color: #ff6b6b; }
[hidden] { display: none !important; }
"""

_MARKUP = """
<div class="box" hidden></div>
<div class="dock"><div class="banner">
  <div class="scenario"><span class="title"></span> <span class="count"></span></div>
  <div class="narration"></div><div class="note" hidden></div>
  <div class="message" hidden></div>
  <div class="controls"><button class="next" type="button">Next \u25b6</button>
    <span class="hint"></span></div>
</div><div class="jar" hidden>
  <div class="jar-title">The browser's cookie jar (<span class="scope"></span>)</div>
  <table><thead><tr><th>name</th><th>value</th><th>site</th><th>path</th><th>expires</th>
    <th>HttpOnly</th><th>SameSite</th><th class="sent-with">sent here?</th>
    <th>JS sees?</th></tr></thead>
  <tbody></tbody></table><div class="empty" hidden>Empty: the browser holds no cookie here.</div>
</div></div>
"""

_HINTS = {
    "step": "Enter, Next, Space or \u2192: next step \u00b7 q or Esc: stop",
    "paused": "Paused \u00b7 Space or Next resumes \u00b7 Esc stops",
    "slow": "Space pauses \u00b7 Esc stops",
}

# Arguments: one object {scenario, count, narration, note, state, message, selectors, focus,
# mode, jar: null | {scope, rows: [{name, value, whole, site, path, left, http_only, same_site}]}}.
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
function seesNow() {
  return new Set(document.cookie.split("; ").map((pair) => pair.split("=")[0]));
}
function yesNo(cell, yes) {
  cell.textContent = cell.title = yes ? "yes" : "no";
  cell.className = yes ? "yes" : "no";
}
function countDown(root) {
  for (const cell of root.querySelectorAll("td[data-deadline]")) {
    const left = Math.ceil((Number(cell.dataset.deadline) - performance.now()) / 1000);
    cell.textContent = left <= 0 ? "expired" : left > 172800 ? `${Math.round(left / 86400)} days`
      : left > 7200 ? `${Math.round(left / 3600)} h` : `${left} s`;
    // At zero the browser drops the cookie: page scripts no longer see it, and the row
    // says so at once, before the jar is read again.
    if (left <= 0 && !cell.classList.contains("expired")) {
      const row = cell.parentElement;
      yesNo(row.cells[8], seesNow().has(row.dataset.name));
    }
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
const note = root.querySelector(".note");
note.textContent = s.note || "";
note.hidden = !s.note;
const said = root.querySelector(".message");
said.textContent = s.message;
said.hidden = !s.message;
root.querySelector(".hint").textContent = HINTS[dock.dataset.waiting || s.mode] || "";
const jar = root.querySelector(".jar");
jar.hidden = !s.jar;
if (s.jar) {
  root.querySelector(".scope").textContent = s.jar.scope;
  // Sent with what the step is about: the request its boxed row lists (another site's frame,
  // fetch or image of the lab, data-cookies), else this page's own request.
  const request = s.selectors.map((sel) => document.querySelector(sel))
    .find((el) => el && el.dataset.cookies !== undefined);
  const carried = request ? new Set(request.dataset.cookies.split(" ").filter(Boolean))
    : document.getElementById("received-cookies") && new Set(Array.from(
      document.querySelectorAll("#received-cookies tr[data-cookie-name]"),
      (row) => row.dataset.cookieName));
  root.querySelector(".sent-with").textContent =
    request ? `sent with the ${request.dataset.via || "request"}?` : "sent here?";
  const seen = seesNow();
  const body = root.querySelector("tbody");
  body.replaceChildren(...s.jar.rows.map((c) => {
    const row = document.createElement("tr");
    row.className = s.focus.includes(c.name) ? "focus" : "";
    row.dataset.name = c.name;
    const cells = [
      [c.name, "name"], [c.value, "value"], [c.site, "site"], [c.path, ""],
      [c.left === null ? "session" : "", ""],
      [c.http_only ? "yes" : "\\u2013", ""], [c.same_site, ""],
    ];
    for (const [text, cls] of cells) {
      const cell = row.insertCell();
      cell.textContent = text;
      cell.className = cls;
      cell.title = text;
    }
    // A name, value or site breaks after its underscores or dots, not inside a word; a
    // shortened value shows whole on hover.
    for (const cell of [row.cells[0], row.cells[1], row.cells[2]]) {
      cell.replaceChildren(...cell.textContent.split(/(?<=[_.])/).flatMap((part) =>
        [document.createTextNode(part), document.createElement("wbr")]));
    }
    row.cells[1].title = c.whole;
    const sent = row.insertCell();
    if (carried) yesNo(sent, carried.has(c.name));
    else sent.textContent = sent.title = "?";
    yesNo(row.insertCell(), seen.has(c.name));
    if (c.left !== null) row.cells[4].dataset.deadline = performance.now() + 1000 * c.left;
    return row;
  }));
  root.querySelector(".jar .empty").hidden = s.jar.rows.length > 0;
  countDown(root);
}
// The element stays in the page's flow as tall as the dock: the page can always scroll
// what the step looks at above it.
host.style.height = `${dock.offsetHeight}px`;
const box = root.querySelector(".box");
const target = s.selectors.map((sel) => document.querySelector(sel)).find(Boolean);
const matched = s.selectors.find((sel) => document.querySelector(sel));
box.hidden = !target;
box.dataset.selector = matched || "";
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
