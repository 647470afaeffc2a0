"""browser: the one place that starts, reads and quits a browser. Local or remote is decided here,
at launch; what is downstream gets a live Browser and its cookie jar and asks no more.

binaries (which browser and driver), options (what it starts with), launch (local or remote,
asked once: a launcher that starts sessions), session (a started browser, what it can do, how
it ends), live (the Browser: restarts, listeners, jar_for, read, quit), commands (listeners and
the page-change count), jar, profiles, remote (a Grid's connection), grid (a local Grid)."""
