// The board, live: it asks /board.json every 1.5 s (the session cookie goes with it) and
// redraws. Every learner's name and sentence goes in as textContent, never as HTML, so a name
// like <script> is shown as the text it is.
(function () {
  "use strict";
  var STUCK_MINUTES = 10;

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function clock(iso) {
    return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function cell(c) {
    var td = el("td", null, "none");
    if (!c) return td;
    if (c.solved) {
      td.className = "solved";
      td.appendChild(el("b", "solved " + clock(c.solved_at)));
      td.appendChild(el("small", c.attempts + (c.attempts === 1 ? " try" : " tries")));
    } else {
      td.className = c.minutes >= STUCK_MINUTES ? "attempted stuck" : "attempted";
      td.appendChild(el("b", c.attempts + (c.attempts === 1 ? " try" : " tries") + " · " +
        Math.floor(c.minutes) + " min · " + c.passed + "/" + c.total + " steps"));
      if (c.last_failure) td.appendChild(el("span", c.last_failure, "failure"));
      td.title = c.last_failure || "";
    }
    if (c.checker_changed) td.appendChild(el("em", "the checker's files were changed", "changed"));
    return td;
  }

  function draw(model) {
    var head = el("tr"), foot = el("tr"), rows = document.createDocumentFragment();
    head.appendChild(el("th", "Learner (stuck longest on the exercise they are on)", "who"));
    foot.appendChild(el("th", "Solved"));
    model.exercises.forEach(function (e) {
      var th = el("th", e.number);
      th.title = e.title;
      head.appendChild(th);
      foot.appendChild(el("td", e.solved + " of " + model.learners.length));
    });
    model.learners.forEach(function (learner) {
      var tr = el("tr"), who = el("th", null, "who");
      who.appendChild(el("span", learner.name, "name"));
      who.appendChild(el("small", learner.stuck_on === null ? learner.solved + " solved" :
        "stuck " + Math.floor(learner.stuck_minutes) + " min on " + learner.stuck_on));
      if (learner.checker_changed) who.appendChild(el("em", "checker changed", "changed"));
      tr.appendChild(who);
      model.exercises.forEach(function (e) { tr.appendChild(cell(learner.exercises[e.number])); });
      rows.appendChild(tr);
    });
    if (!model.learners.length) rows.appendChild(el("tr")).appendChild(el("td", "No learner has joined yet."));
    document.getElementById("head").replaceWith(head); head.id = "head";
    document.getElementById("foot").replaceWith(foot); foot.id = "foot";
    document.getElementById("rows").replaceChildren(rows);
    var explain = document.getElementById("explain-list");
    explain.replaceChildren();
    model.exercises.filter(function (e) { return e.commonest_failure; })
      .sort(function (a, b) { return b.learners_with_it - a.learners_with_it; })
      .forEach(function (e) {
        var li = el("li");
        li.appendChild(el("b", "Exercise " + e.number + " (" + e.learners_with_it + " stuck on it): "));
        li.appendChild(el("span", e.commonest_failure));
        explain.appendChild(li);
      });
    if (!explain.children.length) explain.appendChild(el("li", "No failure yet."));
    document.getElementById("live").textContent = "live · updated " + new Date().toLocaleTimeString();
  }

  function poll() {
    fetch("/board.json", { cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 401) { window.location = "/login"; return null; }
        return response.json();
      })
      .then(function (model) { if (model) draw(model); })
      .catch(function () { document.getElementById("live").textContent = "the classroom does not answer; retrying"; })
      .finally(function () { setTimeout(poll, 1500); });
  }
  poll();
})();
