"""Test that a Strict cookie stays home when another site links to the lab.

The learner's browser test (exercises/18_strict_cookie_link/test_strict_cookie_link.py) must
pass on the real lab and fail on each broken lab below: each gets the cookies right on the
lab's own site, so only a test that arrives from another site (other_url) sees them wrong.
"""

NUMBER = 18
SLUG = "strict_cookie_link"
TRACK = "automation"
TITLE = "Test that a Strict cookie stays home when another site links to the lab"
# Its lesson is the lab on two sites (lab.localhost, other.localhost): not through a Grid.
NEEDS_SITES = True
# The broken labs (lab_app/broken.py) on which the learner's test must fail.
BROKEN = (
    "strict-cookie-set-lax",
    "strict-cookie-lax-twin",
    "lax-cookie-set-strict",
    "strict-cookie-bounced",
)
