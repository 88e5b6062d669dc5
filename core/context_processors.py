"""Template context every page gets: the site's address, and the two first arguments of
the `{% cache %}` fragments (core.content_cache)."""

from django.conf import settings
from django.utils import translation

from .content_cache import current_generations, versions_of


def site(request):
    return {"SITE_URL": settings.SITE_URL}


SHARED, PRIVATE = "template_fragments", "no_fragments"  # the caches (valita/settings.py)


def fragment_cache(request):
    """The arguments of every `{% cache %}` of a page: `{% cache fragment_seconds
    event-list content_version request|cache_path using=fragment_cache %}`.

    Fragments are shared by anonymous visitors while the generations of the page's scopes
    stand (core.content_cache), as read before the view ran. Signed-in users may see drafts
    and edit links in the same places, so theirs go to a cache that keeps nothing
    (`fragment_cache` PRIVATE); so do they while the shared cache is unreachable.
    """
    version = _content_version(request)
    if version is None:
        return {"content_version": "", "fragment_seconds": 0, "fragment_cache": PRIVATE}
    return {
        "content_version": version,
        "fragment_seconds": settings.PAGE_CACHE_SECONDS,
        "fragment_cache": SHARED,
    }


def _shared(request) -> bool:
    if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _content_version(request) -> str | None:
    if not _shared(request):
        return None
    generations = getattr(request, "content_generations", None)
    if generations is None:  # a request the page cache middleware did not see
        try:
            generations = current_generations()
        except Exception:  # noqa: BLE001 - a cache outage must not take pages down
            generations = None
    versions = versions_of(request, generations) if generations else None
    if not versions:
        return None
    version = ",".join(f"{scope}={generation}" for scope, generation in versions)
    return f"{translation.get_language()}:{version}"
