"""content: what the lab teaches, as data and small check functions: the scenario catalog,
the tutorial's scenarios, the ones beyond it, the cross-site ones, and the workshop's
exercises (one manifest each)."""
