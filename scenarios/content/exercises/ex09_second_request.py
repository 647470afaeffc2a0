"""Test that a cookie comes back on the next request.

The learner's browser test (exercises/09_second_request/test_second_request.py) must pass on
the real lab and fail on each broken lab below.
"""

NUMBER = 9
SLUG = "second_request"
TRACK = "automation"
TITLE = "Test that a cookie comes back on the next request"
# The broken labs (lab_app/broken.py) on which the learner's test must fail.
BROKEN = (
    "set-on-second-visit",
    "set-cookie-sets-nothing",
    "session-cookie-own-path",
    "set-cookie-misnamed",
    "set-cookie-redirects",
    "set-cookie-shown-not-sent",
)
