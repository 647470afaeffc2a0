"""Test that page scripts cannot read an HttpOnly cookie.

The learner's browser test (exercises/15_httponly_cookie/test_httponly_cookie.py) must pass on
the real lab and fail on each broken lab below.
"""

NUMBER = 15
SLUG = "httponly_cookie"
TRACK = "automation"
TITLE = "Test that page scripts cannot read an HttpOnly cookie"
# The broken labs (lab_app/broken.py) on which the learner's test must fail.
BROKEN = (
    "httponly-missing",
    "httponly-on-script-cookie",
    "httponly-cookie-not-set",
    "httponly-shown-not-sent",
)
