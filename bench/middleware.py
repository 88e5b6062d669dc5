"""The benchmark's switches (bench/settings.py): per request, skip the page cache or the
fragment cache, so that one server measures cached, uncached and whole renderings."""

from core.middleware import AnonymousPageCacheMiddleware


class SwitchablePageCacheMiddleware(AnonymousPageCacheMiddleware):
    def request_is_cacheable(self, request) -> bool:
        if "HTTP_X_BENCH_NO_CACHE" in request.META:
            return False
        return super().request_is_cacheable(request)


def fragment_switch(request):
    """Comes after core.context_processors.fragment_cache, so its value wins."""
    if "HTTP_X_BENCH_NO_FRAGMENTS" in request.META:
        return {"fragment_seconds": 0, "content_version": "", "fragment_cache": "no_fragments"}
    return {}
