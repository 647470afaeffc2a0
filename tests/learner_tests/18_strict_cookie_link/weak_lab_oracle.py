"""Weak (hostile): no lesson and no browser. It builds the real lab in-process from the
checkout's own lab_app and compares the served lab's answers with it: any difference fails.
It catches every broken lab, so it misses none (MISSES None): it is unsolved because it never
drives the browser, which the exercise is about."""

import urllib.request

from lab_app import create_app

MISSES = None
PROBES = [
    ("/cross-site/set-cookies", {}),
    ("/cross-site/landing", {"Sec-Fetch-Site": "cross-site", "Cookie": "lax_cookie=1"}),
]


def shape(status, headers, body):
    kept = ("samesite", "path")
    cookies = sorted(
        ";".join(
            sorted(
                p.strip().split("=")[0].lower()
                + ("=" + p.split("=", 1)[1] if p.strip().lower().startswith(kept) else "")
                for p in h.split(";")
            )
        )
        for h in headers
    )
    return status, cookies, b"location.replace" in body


def test_same_as_real(driver, lab_url):
    real = create_app({"TESTING": True}).test_client()
    for path, headers in PROBES:
        r = real.get(path, headers=headers)
        want = shape(r.status_code, r.headers.getlist("Set-Cookie"), r.data)
        req = urllib.request.Request(lab_url + path, headers=headers)
        with urllib.request.urlopen(req) as answer:
            got = shape(answer.status, answer.headers.get_all("Set-Cookie") or [], answer.read())
        assert got == want, path
