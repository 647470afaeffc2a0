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
