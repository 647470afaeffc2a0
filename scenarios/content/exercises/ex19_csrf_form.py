"""Test that another site's forms cannot make a transfer at the lab's bank.

The learner's browser test (exercises/19_csrf_form/test_csrf_form.py) must pass on the real
lab and fail on each broken lab below: the bank's own form works on each but the last, so
only a test that attacks from another site (other_url) sees the forgery go through, and only
one that sends the bank's own form sees the bank refuse it.
"""

NUMBER = 19
SLUG = "csrf_form"
TRACK = "automation"
TITLE = "Test that another site's forms cannot make a transfer"
# Its lesson is the lab on two sites (lab.localhost, other.localhost): not through a Grid.
NEEDS_SITES = True
# The broken labs (lab_app/broken.py) on which the learner's test must fail.
BROKEN = (
    "csrf-token-not-checked",
    "csrf-lax-session-none",
    "transfer-on-get",
    "csrf-remember-me-transfers",
    # The bank refuses its own form too: a test that never sends it proves half the goal.
    "csrf-own-form-refused",
)
