# Välitä! – Visa omtanke! portal. `make run` and `make test` work on a fresh machine.
SHELL := /bin/bash
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
UV := $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)
# Python 3.13: from PATH, else from pyenv.
PYTHON313 := $(shell command -v python3.13 >/dev/null 2>&1 && python3.13 -c 'import sys; print(sys.executable)' 2>/dev/null || ls -d $(HOME)/.pyenv/versions/3.13*/bin/python3.13 2>/dev/null | tail -n 1)
MAKEMESSAGES_IGNORE := --ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=media
TEST_ENV := DEBUG=0 SECRET_KEY=test-secret-key-not-for-production-0123456789abcdef \
	SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0 VALITA_REQUIRE_MFA=0 \
	DJANGO_ALLOW_ASYNC_UNSAFE=true
# `make serve` signs with SECRET_KEY (or SECRET_KEY_FILE) from the environment; without one,
# with this machine's own key in SERVE_KEY_FILE (made on the first run, ignored by git). The
# public development key only when asked for: VALITA_ALLOW_DEV_KEY=1 make serve.
SERVE_KEY_FILE := .serve-secret-key
SERVE_KEY := $(if $(SECRET_KEY)$(SECRET_KEY_FILE)$(filter 1,$(VALITA_ALLOW_DEV_KEY)),,SECRET_KEY_FILE=$(SERVE_KEY_FILE))
SERVE_ENV := DEBUG=0 SITE_URL=http://127.0.0.1:$(PORT) SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0 \
	SECURE_HSTS_SECONDS=0 $(SERVE_KEY)

.PHONY: run test serve install messages compilemessages demo lint check bench e2e-deps clean

$(UV):
	@command -v uv >/dev/null 2>&1 || python3 -m pip install --user --quiet uv || pip3 install --quiet uv

$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	@test -n "$(PYTHON313)" || { echo "Python 3.13 is needed (python3.13 on PATH or under pyenv)."; exit 1; }
	UV_PYTHON=$(PYTHON313) $(UV) sync --frozen --python $(PYTHON313)
	@touch $@

install: $(VENV)/.installed

compilemessages: install
	DEBUG=1 $(PY) manage.py compilemessages $(MAKEMESSAGES_IGNORE) -v0

# Regenerates the Swedish catalogue from the code and fills it from locale/translations/*.json.
# The .po file is built from scratch each time (translations live in the JSON files),
# so merges of parallel branches never leave duplicate or stale entries behind.
messages: install
	rm -f locale/sv/LC_MESSAGES/django.po
	DEBUG=1 $(PY) manage.py makemessages -l sv $(MAKEMESSAGES_IGNORE) --no-location --no-obsolete -v0
	$(PY) tools/po_fill.py locale/translations/*.json
	$(MAKE) compilemessages

demo: install compilemessages
	DEBUG=1 $(PY) manage.py migrate --noinput -v0
	DEBUG=1 $(PY) manage.py load_demo

run: demo
	DEBUG=1 SITE_URL=http://127.0.0.1:$(PORT) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Production-like: gunicorn, DEBUG off, static files through whitenoise.
serve: install compilemessages $(if $(SERVE_KEY),$(SERVE_KEY_FILE))
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(SERVE_ENV) $(PY) manage.py migrate --noinput -v0
	$(SERVE_ENV) $(VENV)/bin/gunicorn valita.wsgi:application --bind 127.0.0.1:$(PORT) \
		--workers $${WEB_CONCURRENCY:-4} --access-logfile - --log-level warning

$(SERVE_KEY_FILE):
	@umask 077 && $(PY) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	@echo "make serve: SECRET_KEY is not set, so this machine's own secret key was written to" \
		"$@ (ignored by git). Set SECRET_KEY to use another one; VALITA_ALLOW_DEV_KEY=1" \
		"runs with the public development key."

# Debian's chromium for the browser tests (root installs it when it is missing).
e2e-deps:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && \
		(apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || \
		echo "chromium is missing: browser tests will be skipped"; }

test: install compilemessages e2e-deps
	$(TEST_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)

# Load test (not part of `make test`): bench/run.py writes bench/results.md. BENCH_ARGS e.g.
# "--scale 1 --seconds 5"; DATABASE of the run: BENCH_DATABASE_URL (default valita_bench_run).
bench: install compilemessages
	$(PY) -m bench.run $(BENCH_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
