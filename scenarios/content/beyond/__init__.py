"""Beyond the tutorial: the cookie attributes learners trip over, one scenario per module."""
