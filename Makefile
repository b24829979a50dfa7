# Two entry points, both doing all set-up on a fresh machine:
#   make run    -> installs into .venv, then starts the bot (needs TELEGRAM_BOT_TOKEN)
#   make test   -> installs into .venv, then runs ruff, the import layers check and the whole test suite
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[dev]"
	touch $(STAMP)

.PHONY: install run test lint bench bench-all eval
install: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/whosaid run

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/python -m pytest -q

bench: $(STAMP)
	$(VENV)/bin/python benchmarks/bench_analysis.py

# Every evaluation (PolNeAR dev, figures dev, stories dev, real-news dev tune and check) in one table; the data
# sets sit in ../shared. REAL_NEWS=DIR: the rebuilt real-news texts (DIR/tune, DIR/check; default
# $$WHOSAID_REAL_NEWS). LOG=FILE: the error log (default build/eval-errors.txt). SAVE=FILE, BEFORE=FILE.
eval: $(STAMP)
	$(VENV)/bin/python -m bot.evaluation.table $(if $(REAL_NEWS),--real-news $(REAL_NEWS)) \
		$(if $(LOG),--log $(LOG)) $(if $(BEFORE),--before $(BEFORE)) $(if $(SAVE),--save $(SAVE))

bench-all: $(STAMP)
	$(VENV)/bin/python benchmarks/bench_analysis.py
	$(VENV)/bin/python benchmarks/bench_long_article.py
	$(VENV)/bin/python benchmarks/bench_fetch.py
	$(VENV)/bin/python benchmarks/bench_bot.py
	$(VENV)/bin/python benchmarks/bench_stories.py
	$(VENV)/bin/python benchmarks/bench_story_storage.py
	$(VENV)/bin/python benchmarks/bench_adversarial.py
	$(VENV)/bin/python benchmarks/bench_scale.py
