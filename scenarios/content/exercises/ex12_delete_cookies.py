"""Test that deleting cookies leaves none, the path cookie included.

The learner's browser test (exercises/12_delete_cookies/test_delete_cookies.py) must pass on
the real lab and fail on each broken lab below.
"""

NUMBER = 12
SLUG = "delete_cookies"
TRACK = "automation"
TITLE = "Test that deleting cookies leaves none, the path cookie included"
# The broken labs (lab_app/broken.py) on which the learner's test must fail.
BROKEN = ("delete-by-name-only", "delete-keeps-long-cookie", "delete-shown-not-sent")
