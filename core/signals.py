"""Saved content retires the cached pages that show it (core.content_cache)."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .content_cache import APP_SCOPES, retire_at_commit


def scopes_of_model(model, instance=None) -> tuple[str, ...]:
    """The scopes a model's rows show in: its app's, none for rows that no page shows
    (responses, logs: `page_cache_exempt`), or what a row's `content_scopes()` names (a
    registration shows on its event's page alone)."""
    if instance is not None and hasattr(instance, "content_scopes"):
        return tuple(instance.content_scopes())
    meta = getattr(model, "_meta", None)
    if meta is None or getattr(model, "page_cache_exempt", False):
        return ()
    scope = APP_SCOPES.get(meta.app_label)
    return (scope,) if scope else ()


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def retire_cached_pages(sender, instance=None, **kwargs):
    if scopes := scopes_of_model(sender, instance):
        retire_at_commit(scopes)
