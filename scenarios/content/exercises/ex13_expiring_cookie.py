"""Test that an expiring cookie expires, with an explicit wait.

The learner's browser test (exercises/13_expiring_cookie/test_expiring_cookie.py) must pass on
the real lab and fail on each broken lab below.
"""

NUMBER = 13
SLUG = "expiring_cookie"
TRACK = "automation"
TITLE = "Test that an expiring cookie expires, with an explicit wait"
# The broken labs (lab_app/broken.py) on which the learner's test must fail.
BROKEN = (
    "expiry-never",
    "expiry-60s",
    "expiry-at-once",
    "expiry-shown-not-sent",
    "expiry-renewed-on-read",
)
