"""Test where a path cookie is carried.

The learner's browser test (exercises/11_path_cookie/test_path_cookie.py) must pass on the real
lab and fail on each broken lab below.
"""

NUMBER = 11
SLUG = "path_cookie"
TRACK = "automation"
TITLE = "Test where a path cookie is carried"
# The broken labs (lab_app/broken.py) on which the learner's test must fail.
BROKEN = (
    "path-cookie-at-root",
    "path-cookie-trailing-slash",
    "path-cookie-on-lookalike",
    "path-cookie-shown-not-sent",
)
