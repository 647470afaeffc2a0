"""browser: the one place that starts, reads and quits a browser. Local or remote is decided here,
at launch; what is downstream gets a live Browser and its cookie jar and asks no more. Also the
local profiles, the remote (Grid) connection, and a Selenium Grid started on this machine."""
