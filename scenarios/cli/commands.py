"""The commands, once parsed: `list` the scenarios, `run` them, `check` the exercises. Each
returns its exit status: 0 when every check held, 1 when one failed."""

import io
import sys

from scenarios.classroom.reporter import reporters
from scenarios.cli import classroom, keywords
from scenarios.cli.settings import build_config, results_files
from scenarios.content import catalog
from scenarios.content.exercises import catalog as exercise_catalog
from scenarios.core.errors import Cancelled, UsageError
from scenarios.core.observers import notify
from scenarios.show.console import Narrator
from scenarios.show.report import Report
from scenarios.tracks import exercises, runner, watch, workspace


def list_scenarios(args, environ, out):
    width = max(len(scenario.name) for scenario in catalog.SCENARIOS)
    for scenario in catalog.SCENARIOS:
        out.write(f"{scenario.name:<{width}}  {scenario.summary}\n")
    return 0


def run(args, environ, out):
    scenarios = catalog.select(args.names)
    if args.keyword is not None:
        scenarios = keywords.choose(args.keyword, scenarios, lambda s: s.name, "scenario")
    config = build_config(args, environ, scenarios)
    files = results_files(args, "run")
    report = Report(config.report_dir) if config.report_dir is not None else None
    writers = [*files, *filter(None, [report])]
    try:
        results = runner.run(config, scenarios, [Narrator(out, config.colour), *writers])
    except (KeyboardInterrupt, Cancelled):
        _write_interrupted(writers, out)
        raise
    if report is not None:
        out.write(f"report: {report.where()}\n")
    return 0 if all(r.passed for r in results) else 1


def _write_interrupted(writers, out):
    """What an interrupted run finished still goes to its files, marked interrupted."""
    for writer in writers:
        try:
            writer.write(interrupted=True)
        except UsageError as exc:  # the interrupt's own exit status stays the one that counts
            print(f"cookie-lab: error: {exc}", file=sys.stderr)
    for report in (w for w in writers if isinstance(w, Report)):
        out.write(f"\nreport (interrupted): {report.where()}\n")


def check(args, environ, out):
    # Numbers past the Flask track's are the automation track's: learners' browser tests.
    chosen = exercise_catalog.select(args.numbers)
    if args.keyword is not None:
        chosen = keywords.choose(args.keyword, chosen, lambda e: e.folder, "exercise")
    config = build_config(args, environ)
    # The learner's checkout, wherever this package was installed from.
    tree = workspace.tree(args.exercises, args.solutions)
    # The class's reporter first: the verdicts reach the outbox whatever a results file does.
    files = [*reporters(tree, out, args.solutions), *results_files(args, "check")]
    # None named: those a Grid cannot check are left out, not the whole check refused.
    outcomes = exercises.run(config, chosen, tree, out, named=bool(args.numbers))
    for outcome in outcomes:
        notify(files, "exercise_finished", outcome)
    notify(files, "run_finished", outcomes)
    return 0 if all(o.solved for o in outcomes) else 1


def watch_exercises(args, environ, out):
    config = build_config(args, environ)
    tree = workspace.tree(args.exercises)
    # The class gets each verdict as check sends it; what the reporter would say of its
    # delivery stays off the watcher's one redrawn screen.
    class_reporters = reporters(tree, io.StringIO())
    return watch.watch(config, tree, args.number, out, sys.stdin, class_reporters)


COMMANDS = {
    "list": list_scenarios,
    "run": run,
    "check": check,
    "watch": watch_exercises,
    **classroom.COMMANDS,
}
