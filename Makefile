# Two commands set everything up: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEEDS ?= seeds
SITE_URL ?=
EVAL_DATA ?= ../shared/eval

.PHONY: site test serve lint check clean chromium bench eval fuzz

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/python -m builder build --seeds $(SEEDS) --site-dir site $(if $(SITE_URL),--site-url $(SITE_URL))

serve: $(STAMP)
	$(BIN)/python -m builder serve --seeds $(SEEDS) --site-dir site --host 127.0.0.1 --port 8000

check: $(STAMP)
	$(BIN)/python -m builder check --seeds $(SEEDS)

chromium:
	@test -x /usr/bin/chromium || sh .ci/install-chromium

lint: $(STAMP)
	$(BIN)/ruff check builder tests bench evaluation fuzz
	$(BIN)/ruff format --check builder tests bench evaluation fuzz
	$(BIN)/mypy

test: $(STAMP) chromium lint
	$(BIN)/python -m pytest -q

FUZZ_SECONDS ?= 60
fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,fuzz]'
	$(BIN)/python -m fuzz $(FUZZ_SECONDS)

clean:
	rm -rf site .site.* .pytest_cache .mypy_cache .ruff_cache

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m bench.run

eval: $(STAMP)
	$(BIN)/python -m evaluation $(EVAL_DATA)
