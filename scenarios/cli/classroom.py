"""The class's commands: `classroom` (the server), `join` and `leave` (a learner's checkout),
`handout DIR` and `reset N`: their grammar and what each does."""

import sys
from pathlib import Path

from scenarios.classroom import membership, serve
from scenarios.classroom.handout import handout
from scenarios.classroom.reset import Reset
from scenarios.cli.arguments import number
from scenarios.content.exercises import catalog as exercise_catalog
from scenarios.core.errors import UsageError
from scenarios.tracks import workspace


def add_commands(commands):
    """Add the class's commands to ``commands`` (the parser's subparsers)."""
    room = commands.add_parser("classroom", help="open the class server and its live board")
    room.add_argument(
        "--db",
        type=Path,
        default=Path("classroom.db"),
        metavar="PATH",
        help="the class's SQLite record (default: classroom.db here)",
    )
    room.add_argument("--code", help="the class code learners join with (default: random)")
    room.add_argument(
        "--instructor-token",
        metavar="TOKEN",
        help="the board's token (default: random)",
    )
    room.add_argument(
        "--host",
        default="127.0.0.1",
        help="an address learners on your network reach (default: loopback only)",
    )
    room.add_argument(
        "--port",
        type=number(int, "--port"),
        default=0,
        help="the port (default: the one last used, or a free one)",
    )
    join = commands.add_parser("join", help="join a class: every check then posts its verdicts")
    join.add_argument(
        "url",
        metavar="URL",
        help="the classroom's address, as the instructor gave it",
    )
    join.add_argument("--code", required=True, help="the class code")
    join.add_argument("--name", required=True, help="your name, as the class knows you")
    leave = commands.add_parser("leave", help="leave the class: checks post nothing more")
    handout_ = commands.add_parser("handout", help="write the learners' copy (no solutions/)")
    handout_.add_argument("dest", type=Path, metavar="DIR", help="a new or empty folder")
    reset = commands.add_parser("reset", help="put exercise N's starter back (asks first)")
    reset.add_argument("number", metavar="N", help="the exercise's number")
    reset.add_argument("--yes", action="store_true", help="do not ask; throw the work away")
    for command in (join, leave, reset):
        command.add_argument(
            "--exercises",
            type=Path,
            metavar="DIR",
            help="the exercises folder (default: the checkout you are in)",
        )


def classroom(args, environ, out):
    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port takes 0 to 65535, got {args.port}")
    room = serve.open_classroom(args.db, args.code, args.instructor_token)
    try:
        serve.serve(room, args.host, args.port, out)
    except KeyboardInterrupt:  # closing the classroom is how it ends
        print(f"\nThe classroom is closed; its record stays in {args.db}.", file=sys.stderr)
    return 0


def join(args, environ, out):
    checkout = workspace.tree(args.exercises).parent
    joined = membership.join(args.url, args.code, args.name, checkout)
    out.write(
        f"Joined the class at {joined.url} as {joined.name}: each check now sends its verdicts "
        "there (cookie-lab leave stops it).\n"
    )
    return 0


def leave(args, environ, out):
    checkout = workspace.tree(args.exercises).parent
    left = membership.leave(checkout)
    out.write("You were in no class.\n" if left is None else f"Left the class at {left.url}.\n")
    return 0


def handout_command(args, environ, out):
    files = handout(args.dest)
    out.write(f"Wrote the learners' copy to {args.dest}: {files} files, no solutions/ or tests/.\n")
    return 0


def reset_command(args, environ, out):
    [exercise] = exercise_catalog.select([args.number])
    tree = workspace.tree(args.exercises)
    reset = Reset(tree, exercise)
    where = f"exercises/{exercise.folder}"
    if not reset.differ:
        out.write(f"Exercise {exercise.number} is already as its starter: nothing to reset.\n")
        return 0
    lost = ", ".join(f"{where}/{name}" for name in reset.work_lost)
    if lost and not args.yes and not _agreed(f"Throw away your changes to {lost}? [y/N] ", out):
        raise UsageError(f"reset {exercise.number}: nothing changed (--yes resets without asking)")
    kept = reset.apply(tree.parent)
    said = f"; your work is kept in {kept}" if kept else ""
    out.write(f"Exercise {exercise.number} is back to its starter{said}.\n")
    return 0


def _agreed(question, out):
    """Whether the person at the terminal says yes; no terminal, no one to say it."""
    if not sys.stdin or not sys.stdin.isatty():
        return False
    out.write(question)
    out.flush()
    return sys.stdin.readline().strip().lower() in ("y", "yes")


COMMANDS = {
    "classroom": classroom,
    "join": join,
    "leave": leave,
    "handout": handout_command,
    "reset": reset_command,
}
