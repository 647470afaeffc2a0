"""The watcher's one screen, drawn anew on every change (never a scroll of old verdicts): the
exercise, what its last check said, the hints asked for, the verdict line and the keys, each
line wrapped to the terminal's width. Cut to its height, the narration's start goes first."""

import re
import shutil
import textwrap
from dataclasses import dataclass, field

from scenarios.content.exercises.catalog import FLASK
from scenarios.tracks.scoreboard import TRACK_NAMES

_LINK = re.compile(r"\[([^]]+)\]\(([^)]+)\)")
_HOME_CLEAR = "\x1b[H\x1b[2J"
_BOLD, _GREEN, _RED, _RESET = "\x1b[1m", "\x1b[32m", "\x1b[31m", "\x1b[0m"


@dataclass
class View:
    """What the screen shows; the watcher changes it, then draws it."""

    exercise: object  # content.exercises.catalog.Exercise
    folder: str  # the exercise's folder, as the learner would type it
    banner: str = ""  # e.g. "Exercise 1 solved: on to exercise 2."
    narration: str = ""  # the last check's steps or runs, and its verdict in sentences
    verdict: str = "checking"  # "checking", "solved", "NOT SOLVED"
    detail: str = ""  # "in 0.31 s at 05:12:03"
    hints: list = field(default_factory=list)  # content.exercises.catalog.Hint, all tiers
    hints_shown: int = 0


class Screen:
    """Draws a View on ``out``: on a terminal over the last one, else one after another."""

    def __init__(self, out, colour=True, total=0):
        self.out, self.total = out, total
        self.live = out.isatty()
        self.colour = self.live and colour

    def _paint(self, text, *codes):
        return "".join(codes) + text + _RESET if self.colour else text

    def draw(self, view):
        size = shutil.get_terminal_size()
        width, height = max(40, size.columns - 1), max(10, size.lines - 1)
        e = view.exercise
        top = [self._paint(f"Exercise {e.number} of {self.total}: {e.title}", _BOLD)]
        top += textwrap.wrap(f"{TRACK_NAMES[e.track]}, in {view.folder}/", width)
        if view.banner:
            top += ["", self._paint(view.banner, _GREEN)]
        bottom = self._hints(view, width) + ["", self._verdict(view), self._keys(view)]
        body = [""] + _wrap(view.narration, width)
        room = height - len(top) - len(bottom)
        if len(body) > room:  # the verdict's sentences are at the end: they stay
            body = ["", "  ..."] + body[len(body) - max(0, room - 2) :]
        lines = top + body + bottom
        start = _HOME_CLEAR if self.live else "\n" + "-" * width + "\n"
        self.out.write(start + "\n".join(lines) + "\n")
        self.out.flush()

    def _hints(self, view, width):
        lines = []
        for number, hint in enumerate(view.hints[: view.hints_shown], 1):
            lines += ["", self._paint(f"{hint.title} ({number} of {len(view.hints)})", _BOLD)]
            lines += _markdown(hint.text, width)
        return lines

    def _verdict(self, view):
        number = view.exercise.number
        if view.verdict == "checking":
            return f"Exercise {number}: checking..."
        said = self._paint(view.verdict, _GREEN if view.verdict == "solved" else _RED)
        return f"Exercise {number}: {said} {view.detail}; watching for saves".replace("  ", " ")

    def _keys(self, view):
        left = len(view.hints) - view.hints_shown
        hint = f"h hint ({left} more)" if left else "h hint (all shown)"
        where = "your app" if view.exercise.track == FLASK else "your test"
        return f"Keys: {hint}  n next exercise  r re-check {where}  q quit"


def _wrap(text, width):
    """``text`` wrapped to ``width``: a step's line under its own words, and a paragraph the
    narration wrapped at its width (lines of one deep indent) joined and wrapped anew."""
    lines, paragraph = [], []
    for line in [*text.rstrip("\n").splitlines(), ""]:
        indent = len(line) - len(line.lstrip())
        if paragraph and (indent != paragraph[0][0] or not line.strip()):
            # textwrap broke it after a hyphen ("cookie-" "name"): joined, it is one word.
            words = re.sub(r"(\w-) (?=\w)", r"\1", " ".join(t.strip() for _, t in paragraph))
            pad = " " * paragraph[0][0]
            lines += textwrap.wrap(words, width, initial_indent=pad, subsequent_indent=pad)
            paragraph = []
        if indent >= 5 and line.strip():
            paragraph.append((indent, line))
        elif line.strip():
            lines += textwrap.wrap(line, width, subsequent_indent=" " * 7)
        else:
            lines.append("")
    return lines[:-1]


def _markdown(text, width):
    """A hint's Markdown, indented: its paragraphs wrapped anew (a link as its text and its
    address, never cut), its code blocks as written."""
    lines = []
    for block in re.split(r"\n\s*\n", text.strip()):
        if lines:
            lines.append("")
        for part in re.split(r"(```.*?```)", block, flags=re.S):
            if part.startswith("```"):
                lines += ["  " + line for line in part.splitlines()]
            elif part.strip():
                words = " ".join(_LINK.sub(r"\1 (\2)", part).split())
                lines += textwrap.wrap(
                    words,
                    width,
                    initial_indent="  ",
                    subsequent_indent="  ",
                    break_long_words=False,
                    break_on_hyphens=False,
                )
    return lines
