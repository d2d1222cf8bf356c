# Two commands on a fresh Debian or Ubuntu machine: `make run` and `make test`.
# Each does its own set-up: Qt's system libraries (only those missing), a virtual
# environment in .venv, and the app installed into it.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# Every install takes the exact versions tested together (pyproject.toml keeps the ranges).
# `make lock` writes it again after a change of pyproject.toml's dependencies.
LOCK := requirements/lock.txt
UV_VERSION := 0.13.9

# Libraries PySide6 needs on a bare Debian/Ubuntu; poppler-utils renders PDF pages in tests.
QT_LIBS := libglib2.0-0 libgl1 libxkbcommon0 libegl1 libfontconfig1 libdbus-1-3
# The window on an X11 desktop also needs the xcb libraries.
XCB_LIBS := libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
	libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0
TEST_TOOLS := poppler-utils

.PHONY: run run-team test lint lock package system-libs desktop-libs test-tools clean

run: $(STAMP) desktop-libs
	$(VENV)/bin/actionplan

# Team mode on this PC: a throwaway PostgreSQL server (installed when missing) with the sample
# plans and a sample team, the app opened as its manager (see the README, "Working as a team").
run-team: $(STAMP) desktop-libs
	./packaging/run_team.sh $(VENV)/bin/actionplan

# The tests run on SQLite and on a throwaway PostgreSQL server (installed when missing),
# spread over the machine's cores (packaging/run_tests.sh).
test: $(TEST_STAMP) test-tools
	$(VENV)/bin/ruff check actionplan tests benchmarks sample_plans docs packaging
	./packaging/with_postgres.sh env PY=$(PY) ./packaging/run_tests.sh

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check actionplan tests benchmarks sample_plans docs packaging
	$(VENV)/bin/ruff format --check actionplan tests benchmarks sample_plans
	$(VENV)/bin/mypy actionplan

system-libs:
	@./packaging/ensure_debs.sh $(QT_LIBS)

test-tools:
	@./packaging/ensure_debs.sh $(TEST_TOOLS)

$(PY):
	@./packaging/ensure_python.sh $(PYTHON)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml $(LOCK) | $(PY) system-libs
	$(PY) -m pip install --quiet -c $(LOCK) -e .
	@touch $@

$(TEST_STAMP): pyproject.toml $(LOCK) $(STAMP)
	$(PY) -m pip install --quiet -c $(LOCK) -e '.[test]'
	@touch $@

# The lock covers Linux, Windows and macOS (markers), for the app, its tests and its build.
lock: | $(PY)
	$(PY) -m pip install --quiet 'uv==$(UV_VERSION)'
	$(VENV)/bin/uv pip compile pyproject.toml --extra test --extra packaging --universal \
		--python-version 3.11 --no-header --annotation-style line -o $(LOCK)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache

desktop-libs:
	@./packaging/ensure_debs.sh $(XCB_LIBS)

# A one-folder build of the app under dist/actionplan (PyInstaller), then its smoke test.
package: $(STAMP)
	./packaging/build.sh
	./packaging/smoke_test.sh
