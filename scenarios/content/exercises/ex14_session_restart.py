"""Test that a browser restart ends the session cookie only.

The learner's browser test (exercises/14_session_restart/test_session_restart.py) must pass on
the real lab and fail on each broken lab below.
"""

NUMBER = 14
SLUG = "session_restart"
TRACK = "automation"
TITLE = "Test that a browser restart ends the session cookie only"
# A test that never restarts the browser is not solved, whatever the labs say.
MUST_RESTART = True
# The broken labs (lab_app/broken.py) on which the learner's test must fail.
BROKEN = (
    "session-cookie-persists",
    "long-cookie-session-only",
    "session-restored-by-long-cookie",
    "set-cookie-sets-nothing",
)
