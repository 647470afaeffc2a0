"""The tutorial's own behaviours, one scenario per module, in the tutorial's order."""
