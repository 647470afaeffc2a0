"""The scoreboard that ends every check: each exercise chosen, solved or not, under its
track's name when both tracks were checked."""

from scenarios.content.exercises.catalog import AUTOMATION, FLASK

TRACK_NAMES = {FLASK: "Flask track: your app", AUTOMATION: "Automation track: your test"}


def verdict(outcome):
    return "solved" if outcome.solved else "NOT SOLVED"


def scoreboard(out, exercises, outcomes):
    """Write the board for ``exercises`` (the Flask track's first) from their ``outcomes``:
    one not checked (a run stopped early) says so."""
    if not exercises:
        return
    verdicts = {o.exercise.number: verdict(o) for o in outcomes}
    width = max(len(e.title) for e in exercises)
    solved = sum(1 for o in outcomes if o.solved)
    lines = [f"\nScoreboard: {solved} of {len(exercises)} solved"]
    # The Flask track alone is one list; with the automation track, each under its name.
    headed = any(e.track != FLASK for e in exercises)
    track = None
    for e in exercises:
        if headed and e.track != track:
            track = e.track
            lines.append(f"  {TRACK_NAMES[track]}")
        indent = "    " if headed else "  "
        lines.append(
            f"{indent}{e.number:>2}  {e.title:<{width}}  {verdicts.get(e.number, 'not checked')}"
        )
    out.write("\n".join(lines) + "\n")
    out.flush()
