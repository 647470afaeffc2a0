"""Two sites, one lab server: what the browser sends when another site reaches the lab."""
