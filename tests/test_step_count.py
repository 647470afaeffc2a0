""" "step 3 of 8": a scenario's steps counted off its source, or None when it cannot say."""

from scenarios.content.catalog import SCENARIOS
from scenarios.content.step_count import count_steps

PAIRS = ("a", "b", "c")


def plain(lab):
    with lab.step("one"):
        pass
    with lab.step("two"):
        with lab.step("nested"):
            pass


def looped(lab):
    for name in ("x", "y"):
        with lab.step(name):
            pass
    for pair in PAIRS:  # a module constant counts by its length
        with lab.step(pair):
            pass


def agreeing_branches(lab, flag=True):
    if flag:
        with lab.step("this"):
            pass
    else:
        with lab.step("that"):
            pass


def disagreeing_branches(lab, flag=True):
    if flag:
        with lab.step("only here"):
            pass


def open_ended(lab):
    while lab.more():
        with lab.step("again"):
            pass


def over_the_page(lab):
    for row in lab.rows():
        with lab.step(row):
            pass


def test_steps_nested_and_in_sequence_are_counted():
    assert count_steps(plain) == 3


def test_a_loop_over_a_literal_or_a_constant_counts_per_item():
    assert count_steps(looped) == 2 + len(PAIRS)


def test_branches_that_agree_count_once():
    assert count_steps(agreeing_branches) == 1


def test_what_the_source_cannot_say_is_none_not_a_guess():
    assert count_steps(disagreeing_branches) is None
    assert count_steps(open_ended) is None
    assert count_steps(over_the_page) is None
    assert count_steps(len) is None  # no Python source at all


def test_every_scenario_knows_its_step_count():
    assert all(isinstance(s.steps, int) and s.steps > 0 for s in SCENARIOS)
