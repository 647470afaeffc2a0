"""The Flask track: the learner writes a Flask app, and a scenario checks it in a real browser."""
