"""History pages of the workspace, one set for every model whose history is kept
(core/versions.py: events, posts, practices, project pages).

For each registered model there are three addresses (`workspace:<key>_history`,
`<key>_history_version`, `<key>_history_restore`; key = post, event, practice, project):
the object's versions with who and when, a readable field-by-field diff of a version
against the one before it (or against the object as it is now), and restoring an earlier
version after a confirmation (POST). Whoever may edit the object (the model's
`editable_by`) may use them; anybody else gets a 404. Another area links to them with
`{% url 'workspace:event_history' event.pk %}`.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, path, reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_http_methods

from core import versions
from core.staff import workspace_page

PER_PAGE = 25

#: The address word of each model's history (translated like every path word).
URL_WORDS = {
    "post": pgettext_lazy("url", "kirjoitus"),
    "event": pgettext_lazy("url", "tapahtuma"),
    "practice": pgettext_lazy("url", "kaytanto"),
    "project": pgettext_lazy("url", "hanke"),
}
#: Where the object is edited in the workspace, when its area has an editor.
EDIT_URLS = {
    "post": "blog_workspace:post_edit",
    "event": "events_workspace:event_edit",
    "practice": "practices_workspace:practice_edit",
}
ACTIONS = {
    "": gettext_lazy("Muokattu"),
    "admin": gettext_lazy("Muokattu ylläpidossa"),
    "submitted": gettext_lazy("Lähetetty tarkistettavaksi"),
    "approved": gettext_lazy("Hyväksytty julkaistavaksi"),
    "returned": gettext_lazy("Palautettu muokattavaksi"),
    "published": gettext_lazy("Julkaistu"),
    "unpublished": gettext_lazy("Poistettu julkaisusta"),
}


def action_label(comment: str) -> str:
    if comment.startswith(versions.RESTORE_PREFIX):
        return _("Palautettu aiempi versio")
    return str(ACTIONS.get(comment, ACTIONS[""]))


def _object(request, key: str, pk: int):
    history = versions.options(key)
    if history is None:
        raise Http404
    obj = get_object_or_404(history.model.objects.editable_by(request.user), pk=pk)
    return history, obj


def _version(obj, version_id: int):
    return get_object_or_404(versions.versions_of(obj), pk=version_id)


def _context(key: str, obj) -> dict:
    edit_url = ""
    if key in EDIT_URLS:
        try:
            edit_url = reverse(EDIT_URLS[key], kwargs={"pk": obj.pk})
        except NoReverseMatch:
            edit_url = ""
    return {
        "key": key,
        "object": obj,
        "model_name": obj._meta.verbose_name,
        "edit_url": edit_url,
        "list_url": reverse(f"workspace:{key}_history", kwargs={"pk": obj.pk}),
    }


@workspace_page
def object_history(request, key, pk):
    """The object's versions, newest first: when, who, what was done."""
    _history, obj = _object(request, key, pk)
    page = Paginator(versions.versions_of(obj), PER_PAGE).get_page(request.GET.get("sivu"))
    rows = [
        {
            "version": version,
            "action": action_label(version.revision.comment),
            "is_current": page.number == 1 and index == 0,
        }
        for index, version in enumerate(page.object_list)
    ]
    context = _context(key, obj) | {"page": page, "rows": rows}
    return render(request, "workspace/history.html", context)


@workspace_page
def version_detail(request, key, pk, version_id):
    """What a version changed: against the version before it, or (?vertaa=nyt) what
    differs between it and the object as it is now."""
    history, obj = _object(request, key, pk)
    version = _version(obj, version_id)
    against_now = request.GET.get("vertaa") == "nyt"
    if against_now:
        old, new = version.field_dict, versions.current_fields(obj)
        previous = None
    else:
        previous = versions.versions_of(obj).filter(pk__lt=version.pk).first()
        old, new = (previous.field_dict if previous else {}), version.field_dict
    context = _context(key, obj) | {
        "version": version,
        "previous": previous,
        "against_now": against_now,
        "action": action_label(version.revision.comment),
        "changes": versions.field_changes(history.model, old, new),
    }
    return render(request, "workspace/history_version.html", context)


@workspace_page
@require_http_methods(["GET", "HEAD", "POST"])
def version_restore(request, key, pk, version_id):
    """Restore an earlier version: GET shows what would change, POST restores."""
    history, obj = _object(request, key, pk)
    version = _version(obj, version_id)
    errors = []
    if request.method == "POST":
        try:
            versions.version_restore(obj=obj, version=version, user=request.user)
        except ValidationError as error:
            errors = error.messages
            obj.refresh_from_db()
        else:
            messages.success(request, _("Aiempi versio palautettiin. Se on nyt uusin versio."))
            return redirect(f"workspace:{key}_history", pk=obj.pk)
    context = _context(key, obj) | {
        "version": version,
        "errors": errors,
        "changes": versions.field_changes(
            history.model, versions.current_fields(obj), version.field_dict
        ),
    }
    return render(request, "workspace/history_restore.html", context, status=400 if errors else 200)


def urlpatterns_for_history() -> list:
    """The three history addresses of every model with a URL word."""
    patterns = []
    for key, word in URL_WORDS.items():
        base = format_lazy("{}/{}/<int:pk>/", pgettext_lazy("url", "historia"), word)
        kwargs = {"key": key}
        patterns += [
            path(base, object_history, kwargs, name=f"{key}_history"),
            path(
                format_lazy("{}<int:version_id>/", base),
                version_detail,
                kwargs,
                name=f"{key}_history_version",
            ),
            path(
                format_lazy("{}<int:version_id>/{}/", base, pgettext_lazy("url", "palauta")),
                version_restore,
                kwargs,
                name=f"{key}_history_restore",
            ),
        ]
    return patterns
