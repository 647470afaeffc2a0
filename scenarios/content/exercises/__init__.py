"""Workshop exercises of both tracks, one manifest each (exNN_<slug>.py): its number, slug,
track, title, and its check (the Flask track) or broken labs (the automation track); catalog.py
reads them in order."""
