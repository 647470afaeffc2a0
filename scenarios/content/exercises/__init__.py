"""Workshop exercises: the browser checks of the learner's own Flask apps, in order."""
