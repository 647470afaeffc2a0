"""The automation track: learners write the browser tests, and broken labs grade them."""
