"""Test that setting a cookie again replaces its value.

The learner's browser test (exercises/10_update_cookie/test_update_cookie.py) must pass on the
real lab and fail on each broken lab below.
"""

NUMBER = 10
SLUG = "update_cookie"
TRACK = "automation"
TITLE = "Test that setting a cookie again replaces its value"
# The broken labs (lab_app/broken.py) on which the learner's test must fail.
BROKEN = (
    "update-keeps-value",
    "update-adds-second-cookie",
    "update-sets-new-name",
    "update-only-if-missing",
    "update-shown-not-sent",
)
