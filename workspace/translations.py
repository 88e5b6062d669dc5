"""The translation workflow: which language versions of each event, post, practice and
project exist, and whether the Swedish was written before the last change of the Finnish.

`TranslationStatus` rows are kept up to date by the save receivers below (registered in
WorkspaceConfig.ready): before a save the translated fields' stored values are read, after
it they are compared per language with the new ones. A coordinator may ask for a
translation; the network coordinators get one summary email a day of what waits, through
the outbox, each in their own language.
"""

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.db.models.signals import post_delete, post_save, pre_save
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from modeltranslation.translator import translator

from core import outbox
from core.roles import NETWORK_COORDINATOR_GROUP

from .models import TranslationDigest, TranslationStatus


@dataclass(frozen=True)
class Tracked:
    key: str  # the type's name in URLs and filters
    model_label: str
    label: object  # lazy, singular
    plural: object  # lazy
    edit_url_name: str  # the workspace editor, when its area has one
    edit_by_slug: bool = False
    # Translated fields whose Finnish serves both languages (a street address).
    untranslated: tuple = ()

    @property
    def model(self):
        return apps.get_model(self.model_label)

    @property
    def content_type(self) -> ContentType:
        return ContentType.objects.get_for_model(self.model)


TRACKED = {
    tracked.key: tracked
    for tracked in (
        Tracked(
            "event",
            "events.Event",
            gettext_lazy("Tapahtuma"),
            gettext_lazy("Tapahtumat"),
            "events_workspace:event_edit",
            untranslated=("address",),
        ),
        Tracked(
            "post",
            "blog.Post",
            gettext_lazy("Blogikirjoitus"),
            gettext_lazy("Blogikirjoitukset"),
            "blog_workspace:post_edit",
        ),
        Tracked(
            "practice",
            "practices.Practice",
            gettext_lazy("Toimintamalli"),
            gettext_lazy("Toimintamallit"),
            "practices_workspace:practice_edit",
        ),
        Tracked(
            "project",
            "projects.Project",
            gettext_lazy("Hanke"),
            gettext_lazy("Hankkeet"),
            "projects_workspace:project_edit",
            edit_by_slug=True,
        ),
    )
}

# A summary goes out once a day, from this hour on (Europe/Helsinki).
DIGEST_HOUR = 7
DIGEST_TASK = "workspace.translations.send_digest"
DIGEST_ITEMS = 30


def tracked_for_model(model) -> Tracked | None:
    label = model._meta.label
    return next((t for t in TRACKED.values() if t.model_label == label), None)


def translated_fields(model) -> list[str]:
    """The model's translated text fields (modeltranslation), slugs left out."""
    options = translator.get_options_for_model(model)
    tracked = tracked_for_model(model)
    skipped = {"slug", *(tracked.untranslated if tracked else ())}
    return [name for name in options.fields if name not in skipped]


def _columns(model) -> list[str]:
    return [f"{name}_{lang}" for name in translated_fields(model) for lang in ("fi", "sv")]


def _text(value) -> str:
    return " ".join(strip_tags(str(value or "")).split())


def _filled(value) -> bool:
    return bool(_text(value))


def languages_of(obj) -> dict:
    """Which languages the object has text in, and whether some Finnish has no Swedish."""
    fields = translated_fields(type(obj))
    fi = {name: _filled(getattr(obj, f"{name}_fi", "")) for name in fields}
    sv = {name: _filled(getattr(obj, f"{name}_sv", "")) for name in fields}
    return {
        "has_fi": any(fi.values()),
        "has_sv": any(sv.values()),
        "sv_missing": any(fi[name] and not sv[name] for name in fields),
    }


# ---------------------------------------------------------------- keeping the rows


def _remember_stored_texts(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._translation_stored = None
        return
    instance._translation_stored = (
        sender._base_manager.filter(pk=instance.pk).values(*_columns(sender)).first()
    )


def _record_save(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    stored = getattr(instance, "_translation_stored", None)
    instance._translation_stored = None
    fields = translated_fields(sender)
    now = timezone.now()

    def changed(lang):
        if stored is None:
            return any(_filled(getattr(instance, f"{name}_{lang}", "")) for name in fields)
        return any(
            _text(stored[f"{name}_{lang}"]) != _text(getattr(instance, f"{name}_{lang}", ""))
            for name in fields
        )

    def had(lang):
        return stored is not None and any(_filled(stored[f"{name}_{lang}"]) for name in fields)

    state = languages_of(instance)
    status, new_row = TranslationStatus.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
    )
    if new_row and not created:
        # A row for an object saved before tracking began: its texts are of an unknown
        # earlier time, taken as written together.
        earlier = now - timedelta(seconds=1)
        status.fi_changed_at = earlier if had("fi") else None
        status.sv_changed_at = earlier if had("sv") else None
    if changed("fi"):
        status.fi_changed_at = now
    if changed("sv"):
        status.sv_changed_at = now
    status.sv_missing = state["sv_missing"]
    if not status.sv_missing and not status.out_of_date:
        status.requested_at = None
        status.requested_by = None
    status.save()


def _forget_deleted(sender, instance, **kwargs):
    TranslationStatus.objects.filter(
        content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
    ).delete()


RECEIVERS = (
    (pre_save, _remember_stored_texts),
    (post_save, _record_save),
    (post_delete, _forget_deleted),
)


def connect_receivers() -> None:
    for tracked in TRACKED.values():
        for signal, receiver in RECEIVERS:
            uid = f"workspace-translations-{tracked.key}"
            signal.connect(receiver, sender=tracked.model, dispatch_uid=uid)


@contextmanager
def receivers_paused():
    """Saves without tracking: for tests that write data into an older schema (migration
    tests), where the tracking table does not exist yet."""
    for tracked in TRACKED.values():
        for signal, _receiver in RECEIVERS:
            signal.disconnect(
                sender=tracked.model, dispatch_uid=f"workspace-translations-{tracked.key}"
            )
    try:
        yield
    finally:
        connect_receivers()


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class TranslationState:
    has_fi: bool
    has_sv: bool
    missing: bool
    out_of_date: bool
    requested_at: object = None

    @property
    def waiting(self) -> bool:
        return self.missing or self.out_of_date


def state_of(obj, status: TranslationStatus | None) -> TranslationState:
    langs = languages_of(obj)
    return TranslationState(
        has_fi=langs["has_fi"],
        has_sv=langs["has_sv"],
        missing=langs["sv_missing"],
        out_of_date=bool(status and not langs["sv_missing"] and status.out_of_date),
        requested_at=status.requested_at if status else None,
    )


def attach_states(objects) -> list:
    """Sets `translation_state` on each object: one query per model among them."""
    objects = list(objects)
    by_model: dict = {}
    for obj in objects:
        by_model.setdefault(type(obj)._meta.concrete_model, []).append(obj)
    for model, group in by_model.items():
        rows = TranslationStatus.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[obj.pk for obj in group],
        )
        statuses = {row.object_id: row for row in rows}
        for obj in group:
            obj.translation_state = state_of(obj, statuses.get(obj.pk))
    return objects


def translation_state(obj) -> TranslationState:
    state = getattr(obj, "translation_state", None)
    if state is None:
        attach_states([obj])
        state = obj.translation_state
    return state


def _objects_of(tracked: Tracked, user, project=None):
    objects = tracked.model.objects.editable_by(user)
    if project is not None:
        if tracked.key == "project":
            objects = objects.filter(pk=project.pk)
        else:
            objects = objects.with_project(project)
    return objects


def waiting_for(user, *, kind: str | None = None, project=None):
    """What waits for a Swedish translation among the objects the user may edit, the
    requested first, then the latest change of the Finnish first."""
    condition = Q(pk__in=[])
    for tracked in TRACKED.values():
        if kind and tracked.key != kind:
            continue
        condition |= Q(
            content_type=tracked.content_type,
            object_id__in=_objects_of(tracked, user, project).values("pk"),
        )
    return (
        TranslationStatus.objects.waiting()
        .filter(condition)
        .order_by(
            F("requested_at").desc(nulls_last=True), F("fi_changed_at").desc(nulls_last=True), "pk"
        )
    )


def edit_url(tracked: Tracked, obj) -> str:
    """The object's workspace editor, or its page when its area has no editor yet."""
    kwargs = {"slug": obj.slug} if tracked.edit_by_slug else {"pk": obj.pk}
    try:
        return reverse(tracked.edit_url_name, kwargs=kwargs)
    except NoReverseMatch:
        return obj.get_absolute_url()


@dataclass
class WaitingItem:
    status: TranslationStatus
    tracked: Tracked
    obj: object
    state: TranslationState

    @property
    def edit_url(self) -> str:
        return edit_url(self.tracked, self.obj)


def items_of(statuses) -> list[WaitingItem]:
    """The objects of a page of status rows: one query per type among them."""
    statuses = list(statuses)
    by_type = {tracked.content_type.pk: tracked for tracked in TRACKED.values()}
    wanted: dict = {}
    for status in statuses:
        wanted.setdefault(status.content_type_id, []).append(status.object_id)
    found = {}
    for type_id, ids in wanted.items():
        tracked = by_type.get(type_id)
        if tracked is None:
            continue
        objects = tracked.model._default_manager.filter(pk__in=ids)
        if tracked.key != "project":
            objects = objects.prefetch_related("projects")
        found.update({(type_id, obj.pk): obj for obj in objects})
    items = []
    for status in statuses:
        obj = found.get((status.content_type_id, status.object_id))
        if obj is not None:
            tracked = by_type[status.content_type_id]
            items.append(WaitingItem(status, tracked, obj, state_of(obj, status)))
    return items


# ---------------------------------------------------------------- writing


@transaction.atomic
def translation_request(*, obj, user, now=None) -> TranslationStatus:
    """A coordinator asks for the Swedish of an object they may edit; who and when are kept."""
    now = now or timezone.now()
    status, _created = TranslationStatus.objects.select_for_update().get_or_create(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
    )
    state = state_of(obj, status)
    if not state.waiting:
        raise ValidationError(
            _("Ruotsinkielinen teksti on jo ajan tasalla: käännettävää ei ole."), code="up_to_date"
        )
    status.sv_missing = state.missing
    status.requested_at = now
    status.requested_by = user
    status.save(update_fields=["sv_missing", "requested_at", "requested_by"])
    return status


def digest_recipients():
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=NETWORK_COORDINATOR_GROUP)
        .exclude(email="")
        .order_by("pk")
        .distinct()
    )


def translation_digests_queue(*, now=None) -> int:
    """Once a day, when something waits, queue a summary to each network coordinator.

    Each recipient's day is claimed in the transaction that queues the email, so a beat
    that runs twice (or late) sends nothing twice. Returns how many were queued."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    if local.hour < DIGEST_HOUR or not TranslationStatus.objects.waiting().exists():
        return 0
    queued = 0
    for user_id in list(digest_recipients().values_list("pk", flat=True)):
        with transaction.atomic():
            _digest, created = TranslationDigest.objects.get_or_create(
                user_id=user_id, day=local.date()
            )
            if created:
                outbox.enqueue(DIGEST_TASK, user_id)
                queued += 1
    return queued


def send_digest(user_id: int) -> None:
    """An outbox target: one network coordinator's summary, in their language; nothing
    when nothing waits any more or the person is no longer a network coordinator."""
    user = digest_recipients().filter(pk=user_id).first()
    if user is None:
        return
    waiting = waiting_for(user)
    total = waiting.count()
    if not total:
        return
    items = items_of(waiting.select_related("requested_by")[:DIGEST_ITEMS])
    language = user.language or settings.LANGUAGE_CODE
    with translation.override(language):
        counts = [
            {
                "label": tracked.plural,
                "count": waiting.filter(content_type=tracked.content_type).count(),
            }
            for tracked in TRACKED.values()
        ]
        context = {
            "total": total,
            "counts": [row for row in counts if row["count"]],
            "items": [
                {
                    "type": str(item.tracked.label),
                    "title": str(item.obj),
                    "missing": item.state.missing,
                    "requested_at": item.status.requested_at,
                    "url": settings.SITE_URL + item.edit_url,
                }
                for item in items
            ],
            "more": max(0, total - len(items)),
            "list_url": settings.SITE_URL + reverse("workspace:translations"),
        }
        subject = ngettext(
            "Käännettävää odottaa: %(count)s sisältö ilman ajantasaista ruotsia",
            "Käännettävää odottaa: %(count)s sisältöä ilman ajantasaista ruotsia",
            total,
        ) % {"count": total}
        body = render_to_string("workspace/email/translation_digest.txt", context)
    from django.core.mail import EmailMessage

    EmailMessage(subject=subject, body=body, to=[user.email]).send()
