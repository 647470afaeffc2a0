"""show: what people and machines are shown, as observers of a run: the console narration,
the in-page overlay and jar panel, the run's last screen, the report's evidence and its HTML,
and JUnit/JSON results. Observers never change what a check reads."""
