# cookie-lab: `make lab` to watch the scenarios, `make test` to run the whole suite.
# Both run `setup` first, so a fresh clone needs nothing else.
VENV := .venv
PY := $(VENV)/bin/python
ARGS ?=

.PHONY: help setup test lab grid lint clean bench soak exercise exercises classroom watch

# `make exercise 3`: the word after `exercise` is its number, not a target of its own.
# (`make exercise N=3` works too.)
# The check runs here, as make reads this file, not in a recipe: after a recipe that fails,
# make adds "make: *** [Makefile:NN: exercise] Error 1" below the checker's own verdict. A
# check that fails sets -q instead, and make exits 1 saying nothing more. (Its output goes to
# stderr: make keeps the check's stdout. GNU make 4.)
ifeq (exercise,$(firstword $(MAKECMDGOALS)))
N ?= $(wordlist 2,$(words $(MAKECMDGOALS)),$(MAKECMDGOALS))
$(eval $(N):;@:)
EXERCISE_STATUS := $(shell bash scripts/exercise.sh $(N) $(ARGS) >&2; echo $$?)
ifneq ($(EXERCISE_STATUS),0)
MAKEFLAGS += -q
endif
endif
# `make exercises` ends the same way: with the scoreboard, not with make's error.
ifeq (exercises,$(firstword $(MAKECMDGOALS)))
EXERCISE_STATUS := $(shell bash scripts/exercise.sh --all $(ARGS) >&2; echo $$?)
ifneq ($(EXERCISE_STATUS),0)
MAKEFLAGS += -q
endif
endif

# `make watch 3` (or `make watch N=3`, or `make watch`: the first not yet solved): the number,
# too, is not a target. It runs as a recipe, on the terminal: it reads keys from it.
ifeq (watch,$(firstword $(MAKECMDGOALS)))
N ?= $(wordlist 2,$(words $(MAKECMDGOALS)),$(MAKECMDGOALS))
$(eval $(N):;@:)
endif

# `make lab` ends the same way: on the run's own summary and verdict line. (stdin stays the
# terminal's: step mode reads Enter and q from it.)
ifeq (lab,$(firstword $(MAKECMDGOALS)))
LAB_STATUS := $(shell bash scripts/setup.sh >&2 && bash scripts/lab.sh $(ARGS) >&2; echo $$?)
ifneq ($(LAB_STATUS),0)
MAKEFLAGS += -q
endif
endif

help: ## List every target
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: ## Create .venv, install the package, and Chromium/ChromeDriver/Xvfb when missing
	@bash scripts/setup.sh

# Three workers on two cores: many tests wait on real time (an expiry, a page that never
# comes, a Grid that never answers), and a third worker fills those waits (docs/performance.md).
# loadgroup: the tests that share one Grid (xdist_group) share a worker, and that one Grid.
test: setup ## Run the whole test suite headless (real browser, real server), on three workers
	$(PY) -m pytest -n 3 --dist loadgroup $(ARGS)

lab: ## Watch every scenario in a visible browser, slowly; the report goes to lab-report/
	@: # run above, as make read this file

exercise: ## Check workshop exercise N in a real browser: make exercise 3
	@: # checked above, as make read this file

exercises: ## Check every exercise: the first not yet solved in full, then a scoreboard
	@: # checked above, as make read this file

watch: setup ## Check exercise N again on every save (or the first not yet solved): make watch 3
	@$(PY) -m scenarios watch $(N) $(ARGS)

bench: setup ## Time whole runs, a launch, a navigation, clearing, per-scenario overhead
	$(PY) bench/bench.py $(ARGS)

soak: setup ## Run the whole scenario suite 20 times in a row; any flake fails it
	$(PY) bench/soak.py $(ARGS)

grid: setup ## Start a Selenium Grid for a class to point at; print its URL (Ctrl-C stops it)
	@bash scripts/setup.sh --grid
	$(PY) -m scenarios.browser.grid $(ARGS)

# ARGS go to `cookie-lab classroom`: make classroom ARGS="--code COOKIES --db class.db"
classroom: setup ## Open the class server: learners join it, your live board shows who is stuck
	$(VENV)/bin/cookie-lab classroom $(ARGS)

lint: setup ## Check style with ruff
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

clean: ## Remove the venv, the Grid, caches and reports
	rm -rf $(VENV) .grid .pytest_cache .ruff_cache lab-report *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
