"""content: what the lab teaches, as data and small check functions: the scenario catalog, the
tutorial's scenarios, the ones beyond it, and the workshop's exercises (one manifest each)."""
