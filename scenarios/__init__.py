"""cookie-lab's scenarios: a real Chromium driven against the lab app, step by step.

The layers, top to bottom; a module imports only from its own layer and those below it:

    cli/        the command line: parser, commands, main() and its exit statuses
    classroom/  the workshop as a class: the class server (SQLite), its board, join + outbox
    tracks/     the ways the lab is used: the scenario runner, the Flask track's checker,
                the automation track's grader; one outcome, narration, scoreboard and loop
    content/    what is taught: the catalog, tutorial/, beyond/, cross_site/, exercises/'
                manifests (one per exercise)
    show/       what is shown, as observers: console, overlay, evidence, report, results
    lab/        the Lab facade, the lab page, the lab server, pacing between steps
    browser/    launch (local or remote, decided once), the live Browser, jars, the Grid
    core/       Config, errors, records, observers, processes, files written whole

docs/architecture.md lists every module with its job.
"""
