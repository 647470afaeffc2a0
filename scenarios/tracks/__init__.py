"""tracks: the ways the lab is used, each running content in a browser: the instructor's run
of the scenarios (runner), the Flask track's checker of a learner's app, and the automation
track's grader of a learner's browser test. Both exercise tracks share one Outcome, one
narration, one scoreboard and one loop (exercises.py), on the learner's checkout (workspace)."""
