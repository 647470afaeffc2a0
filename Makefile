# cookie-lab: `make lab` to watch the scenarios, `make test` to run the whole suite.
# Both run `setup` first, so a fresh clone needs nothing else.
VENV := .venv
PY := $(VENV)/bin/python
ARGS ?=

.PHONY: help setup test lab lint clean bench soak

help: ## List every target
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: ## Create .venv, install the package, and Chromium/ChromeDriver/Xvfb when missing
	@bash scripts/setup.sh

test: setup ## Run the whole test suite headless (real browser, real server)
	$(PY) -m pytest $(ARGS)

lab: setup ## Watch every scenario in a visible browser, slowly; the report goes to lab-report/
	@bash scripts/lab.sh $(ARGS)

lint: setup ## Check style with ruff
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

clean: ## Remove the venv, caches and reports
	rm -rf $(VENV) .pytest_cache .ruff_cache lab-report *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
