"""Template context every page gets: the site's address, and the two first arguments of
the `{% cache %}` fragments (core.content_cache)."""

from django.conf import settings
from django.utils import translation

from .content_cache import current_generations, versions_of


def site(request):
    return {"SITE_URL": settings.SITE_URL}


def fragment_cache(request):
    """`fragment_seconds` and `content_version`, the first two arguments of every `{% cache %}`
    of a page: `{% cache fragment_seconds "event-list" content_version request|cache_path %}`.

    Fragments are shared by anonymous visitors while the generations of the page's scopes
    stand (core.content_cache). Signed-in users may see drafts and edit links in the same
    places, so for them `fragment_seconds` is 0 (nothing is stored) and the version names
    them; so it is while the shared cache is unreachable.
    """
    version, seconds = _fragment_state(request)
    return {"content_version": version, "fragment_seconds": seconds}


def _shared(request) -> bool:
    if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _fragment_state(request) -> tuple[str, int]:
    language = translation.get_language()
    generations = None
    if _shared(request):
        try:
            generations = current_generations()
        except Exception:  # noqa: BLE001 - a cache outage must not take pages down
            generations = None
    if not generations:
        user = getattr(request, "user", None)
        return f"{language}:private:{getattr(user, 'pk', None)}", 0
    versions = versions_of(request, generations)
    version = ",".join(f"{scope}={generation}" for scope, generation in versions)
    return f"{language}:{version}", settings.PAGE_CACHE_SECONDS
