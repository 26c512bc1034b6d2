# stancedb: `make run` serves the app with the seed data; `make test` runs the whole suite.
# Both set themselves up on a fresh machine (Python 3.10+ and make are all they need).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist workers for make test: one per core; each has its own test database
TEST_WORKERS ?= auto
export DEBUG ?= 1

.PHONY: run test lint format browser serve bench clean

$(STAMP): requirements.txt requirements-dev.txt requirements-data.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -r requirements-data.txt
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py load_seed
	$(BIN)/python manage.py ensure_local_admin --host $(HOST) --port $(PORT)
	@echo "Serving stancedb on http://$(HOST):$(PORT)/ (admin at /admin/, API at /api/)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

browser:
	@scripts/ensure-chromium

test: $(STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DATABASE_URL=sqlite:///:memory: $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles test-artifacts

# Production: DEBUG=0, static files collected and served by the app (whitenoise), gunicorn with
# threaded workers. gthread workers heartbeat from their main thread, so --timeout restarts a hung
# worker without cutting off a long streaming response. See docs/deploy.md.
WEB_CONCURRENCY ?= $(shell echo $$(( 2 * $$(nproc 2>/dev/null || echo 1) )))

serve: $(STAMP)
	@test -n "$$SECRET_KEY" || { echo "make serve: set SECRET_KEY (50+ random characters; see docs/deploy.md)" >&2; exit 1; }
	@test -n "$$ALLOWED_HOSTS" || { echo "make serve: set ALLOWED_HOSTS (comma-separated host names; see docs/deploy.md)" >&2; exit 1; }
	DEBUG=0 $(BIN)/python manage.py migrate --noinput
	DEBUG=0 $(BIN)/python manage.py createcachetable
	DEBUG=0 $(BIN)/python manage.py collectstatic --noinput
	@echo "Serving stancedb (production settings) on http://$(HOST):$(PORT)/ with $(WEB_CONCURRENCY) workers"
	DEBUG=0 exec $(BIN)/gunicorn stancedb.wsgi:application --bind $(HOST):$(PORT) \
		--worker-class gthread --workers $(WEB_CONCURRENCY) --threads 4 \
		--timeout 120 --graceful-timeout 30 --keep-alive 5 --access-logfile -

# The scale benchmark (issue 8): BENCH_QUOTES (default 1000000), BENCH_SEED, BENCH_DATABASE
# (sqlite|postgresql). Builds or reuses bench/corpus/, then prints the table (bench/RESULTS.md).
BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): $(STAMP) requirements-bench.txt
	$(BIN)/python -m pip install --quiet -r requirements-bench.txt
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python -m bench.run $(BENCH_ARGS)
