# Production image of the Välitä! – Visa omtanke! portal: web (gunicorn), worker and beat.
FROM python:3.13-slim-bookworm AS base

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PROJECT_ENVIRONMENT=/opt/venv \
    PATH="/opt/venv/bin:$PATH"

RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext libpq5 curl \
    && rm -rf /var/lib/apt/lists/* \
    && pip install --no-cache-dir uv==0.13.9 \
    && useradd --system --create-home --uid 10001 valita

WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project

COPY . .
# Build-time steps need settings but no secrets or services.
RUN DEBUG=0 VALITA_ALLOW_DEV_KEY=1 python manage.py compilemessages --ignore=.venv -v0 \
    && DEBUG=0 VALITA_ALLOW_DEV_KEY=1 python manage.py collectstatic --noinput -v0 \
    && mkdir -p /app/media /app/private && chown -R valita /app/media /app/private

USER valita
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8000/healthz || exit 1
CMD ["gunicorn", "valita.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "4", \
     "--access-logfile", "-", "--forwarded-allow-ips", "*"]
