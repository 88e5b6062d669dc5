# Production image of the Välitä! – Visa omtanke! portal: web (gunicorn), worker and beat.
# Runs as any non-root user id (OpenShift assigns an arbitrary one, group 0).
FROM python:3.13-slim-bookworm AS base

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PROJECT_ENVIRONMENT=/opt/venv \
    PATH="/opt/venv/bin:$PATH" PORT=8000

# postgresql-client: pg_dump and pg_restore for `manage.py backup` / `restore`
# (bookworm's 15, the server's major version).
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext libpq5 curl postgresql-client \
    && rm -rf /var/lib/apt/lists/* \
    && pip install --no-cache-dir uv==0.13.9 \
    && useradd --system --create-home --uid 10001 --gid 0 valita

WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project

# .dockerignore keeps .env, .venv, .git, databases and uploads out of the image.
COPY . .
# Build-time steps need settings but no secrets or services.
RUN DEBUG=0 VALITA_ALLOW_DEV_KEY=1 python manage.py compilemessages --ignore=.venv -v0 \
    && DEBUG=0 VALITA_ALLOW_DEV_KEY=1 python manage.py collectstatic --noinput -v0 \
    && mkdir -p /app/media /app/private \
    && chown -R 10001:0 /app/media /app/private && chmod -R g=u /app/media /app/private

USER 10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8000/healthz/ready || exit 1
# Bind address and workers come from PORT and WEB_CONCURRENCY (or gunicorn.conf.py).
CMD ["gunicorn", "valita.wsgi:application"]
