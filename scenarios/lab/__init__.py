"""lab: what a scenario does with the browser. The Lab facade (steps, visits, checks, waits and
the learners' expect_*), the lab page read in one round trip, the lab app's loopback server, and the
pacing between steps (slow-mo, or the instructor's word through the overlay's in-page script)."""
