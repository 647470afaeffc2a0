// Show what page scripts can see, and count down the expiring cookie's life.
"use strict";

document.getElementById("document-cookie").textContent =
  document.cookie || "(empty: page scripts see no cookies here)";

(function countdown() {
  const KEY = "cookie-lab:expiring-cookie-until";
  const el = document.getElementById("expiry-countdown");
  // The route that sets the cookie says its Max-Age; every other page reads the deadline back.
  if (el.dataset.seconds) {
    localStorage.setItem(KEY, String(Date.now() + 1000 * Number(el.dataset.seconds)));
  }
  const until = Number(localStorage.getItem(KEY) || 0);
  const present = document.cookie.split("; ").some((c) => c.startsWith("expiring_cookie_name="));
  // A deleted cookie has no countdown left to show.
  if (!until || (!present && until > Date.now())) return;
  function tick() {
    const left = Math.ceil((until - Date.now()) / 1000);
    el.hidden = false;
    if (left > 0) {
      el.textContent = `expiring_cookie_name expires in ${left} s`;
      setTimeout(tick, 250);
    } else {
      el.textContent = "expiring_cookie_name has expired: the browser no longer sends it";
      el.classList.add("expired");
    }
  }
  tick();
})();

// The other site's page (/cross-site/elsewhere?embed=...): reach the lab by a frame, an
// image and a credentialed fetch, then show what the lab says each of them carried.
(async function embeds() {
  const place = document.getElementById("embeds");
  if (!place) return;
  const { lab, n } = place.dataset;
  const landing = (via, as) => `${lab}/cross-site/landing?via=${via}&n=${n}&as=${as}`;
  const loaded = (el) => new Promise((done) => { el.onload = el.onerror = done; });
  const jobs = place.dataset.embed.split(",").map((kind) => {
    if (kind === "fetch") {
      return fetch(landing("fetch", "json"), { credentials: "include" }).catch(() => null);
    }
    const el = document.createElement(kind === "image" ? "img" : "iframe");
    el.id = `lab-${kind}`;
    el.src = kind === "partitioned-frame" ? `${lab}/cross-site/set-partitioned-cookie`
      : landing(kind, kind === "image" ? "image" : "page");
    const done = loaded(el);
    place.append(el);
    return done;
  });
  await Promise.all(jobs);
  try {
    // Not credentialed: this request carries nothing of its own.
    const log = await (await fetch(`${lab}/cross-site/received?as=json&n=${n}`)).json();
    document.querySelector("#what-the-lab-received tbody").replaceChildren(...log.map((e) => {
      const row = document.createElement("tr");
      Object.assign(row.dataset, { via: e.via, fetchSite: e.fetch_site, cookies: e.cookies.join(" ") });
      for (const text of [e.via, e.method, e.fetch_site, e.cookies.join(", ") || "(none)"]) {
        row.insertCell().textContent = text;
      }
      return row;
    }));
    place.dataset.done = "yes";
  } catch (error) {
    place.dataset.done = `the lab's log could not be read: ${error}`;
  }
})();
