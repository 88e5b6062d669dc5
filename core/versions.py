"""The history of content: every change of an event, post, practice or project page.

django-reversion keeps each saved state as a version (the model serialised whole, both
languages' fields and the many-to-many choices included) in a revision that names who
and when. A revision is recorded around every write of the staff workspace (the gate,
core.staff.workspace_page) and of the admin (core.admin_mixins), so no view has to
remember it; saves outside them (the demo loader, scheduled work) record nothing.

Each app registers its model here with `register(...)` in its AppConfig.ready(): which
fields a restore leaves as they are (publishing state, counters: a restore brings back
content, it never publishes or unpublishes) and which the diff does not show
(technical fields). The workspace's history pages (workspace/history.py) read the
registry; `field_changes` turns two versions into a readable field-by-field diff and
`version_restore` writes an earlier version back, validated, as a new version.
"""

import difflib
import json
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from html import unescape as unescape_entities

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.html import strip_tags
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator
from reversion.models import Version

#: Never shown in a diff and never restored: the database's own bookkeeping.
ALWAYS_HIDDEN = frozenset({"id", "created_at", "updated_at"})
#: Revision comments are codes, shown translated (workspace/history.py).
RESTORE_PREFIX = "restore:"


@dataclass(frozen=True)
class HistoryOptions:
    model: type
    key: str
    kept: frozenset  # a restore leaves these as they are
    hidden: frozenset  # not shown in a diff (nor restored)
    restore: str | None  # dotted path of fn(obj=, m2m=, user=) that saves a restore


_registry: dict[str, HistoryOptions] = {}


def _translated_originals(model) -> set[str]:
    """modeltranslation's original fields (`title` beside `title_fi`, `title_sv`): they
    read and write the active language's field, so only the per-language ones are kept."""
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def register(model, *, key: str, kept=(), hidden=(), restore: str | None = None) -> None:
    """Keep the history of `model` (call once, in its app's ready(), after modeltranslation
    has added the language fields)."""
    if not reversion.is_registered(model):
        reversion.register(model, exclude=tuple(_translated_originals(model)))
    _registry[key] = HistoryOptions(
        model=model,
        key=key,
        kept=frozenset(kept) | ALWAYS_HIDDEN,
        hidden=frozenset(hidden) | ALWAYS_HIDDEN,
        restore=restore,
    )


def options(key: str) -> HistoryOptions | None:
    return _registry.get(key)


def options_for_model(model) -> HistoryOptions | None:
    return next((o for o in _registry.values() if o.model is model), None)


def registered_keys() -> list[str]:
    return list(_registry)


@contextmanager
def revision(user=None, comment: str = ""):
    """Record the saves inside as one revision by `user` (nested: joins the outer one)."""
    with reversion.create_revision():
        if user is not None and getattr(user, "is_authenticated", False):
            reversion.set_user(user)
        if comment:
            reversion.set_comment(comment)
        yield


def set_comment(comment: str) -> None:
    """Name what the current revision did (a code: see workspace/history.py)."""
    if reversion.is_active():
        reversion.set_comment(comment)


def versions_of(obj):
    """The object's versions, newest first, with who made them (one query)."""
    return Version.objects.get_for_object(obj).select_related("revision__user").order_by("-pk")


def registered_fields(model) -> tuple[str, ...]:
    return reversion.revisions._get_options(model).fields


def current_fields(obj) -> dict:
    """The object's fields as they are now, in the shape of Version.field_dict."""
    model = type(obj)
    version = Version(
        content_type=ContentType.objects.get_for_model(model),
        format="json",
        serialized_data=serializers.serialize("json", [obj], fields=registered_fields(model)),
    )
    return version._local_field_dict


# The diff ------------------------------------------------------------------------


@dataclass
class FieldChange:
    name: str
    label: str
    old: str
    new: str
    #: word-level diff of long text: [(op, text)], op in "equal", "delete", "insert"
    segments: list = field(default_factory=list)


def _label(model, field_name: str) -> str:
    model_field = model._meta.get_field(field_name)
    language = getattr(model_field, "language", None)
    original = getattr(model_field, "translated_field", model_field)
    label = str(original.verbose_name)
    if language:
        names = {"fi": _("suomeksi"), "sv": _("ruotsiksi")}
        label = f"{label} ({names.get(language, language)})"
    return label[:1].upper() + label[1:]


def _text(value) -> str:
    """Rich text as readable text: a line per block, no tags."""
    value = value or ""
    value = re.sub(r"(?i)<img[^>]*\balt=\"([^\"]*)\"[^>]*>", r"[\1]", value)
    value = re.sub(r"(?i)</(p|h[1-6]|li|blockquote|figure|tr)>|<br\s*/?>", "\n", value)
    return unescape_entities(strip_tags(value)).strip()


def word_segments(old: str, new: str) -> list[tuple[str, str]]:
    """What was deleted and inserted, word by word."""
    a, b = re.split(r"(\s+)", old), re.split(r"(\s+)", new)
    segments = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append(("equal", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            segments.append(("delete", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            segments.append(("insert", "".join(b[j1:j2])))
    return segments


class _Names:
    """Related objects' names for the diff, one query per related model."""

    def __init__(self, model, dicts):
        wanted: dict = {}
        for model_field in map(model._meta.get_field, registered_fields(model)):
            if not model_field.is_relation:
                continue
            for values in dicts:
                value = values.get(model_field.attname)
                ids = value if isinstance(value, list | tuple) else [value]
                related = model_field.related_model
                wanted.setdefault(related, set()).update(i for i in ids if i is not None)
        self.names = {
            related: {
                str(pk): str(obj) for pk, obj in related._default_manager.in_bulk(ids).items()
            }
            for related, ids in wanted.items()
            if ids
        }

    def name(self, related, pk) -> str:
        return self.names.get(related, {}).get(str(pk), _("(poistettu)"))


def _display(model_field, value, names: _Names) -> str:
    if value is None or value == "":
        return "–"
    if model_field.many_to_many:
        found = sorted(names.name(model_field.related_model, pk) for pk in value)
        return ", ".join(found) or "–"
    if model_field.is_relation:
        return names.name(model_field.related_model, value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return _("kyllä") if value else _("ei")
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "j.n.Y H:i")
    if isinstance(value, date):
        return formats.date_format(value, "j.n.Y")
    if isinstance(model_field, models.FileField):
        return getattr(value, "name", str(value)).rsplit("/", 1)[-1] or "–"
    return str(value)


def _same(model_field, old, new) -> bool:
    if model_field.many_to_many:
        return set(old or []) == set(new or [])
    if isinstance(model_field, models.FileField):
        return getattr(old, "name", old) == getattr(new, "name", new)
    return (old or None) == (new or None)


def field_changes(model, old: dict, new: dict) -> list[FieldChange]:
    """What differs between two states of an object (Version.field_dict or
    current_fields), in the model's field order, hidden fields left out."""
    history = options_for_model(model)
    hidden = history.hidden if history else ALWAYS_HIDDEN
    names = _Names(model, [old, new])
    changes = []
    for field_name in registered_fields(model):
        if field_name in hidden:
            continue
        model_field = model._meta.get_field(field_name)
        key = model_field.attname
        before, after = old.get(key), new.get(key)
        if _same(model_field, before, after):
            continue
        change = FieldChange(
            name=field_name,
            label=_label(model, field_name),
            old=_display(model_field, before, names),
            new=_display(model_field, after, names),
        )
        if isinstance(model_field, models.TextField):
            change.old, change.new = _text(before), _text(after)
            change.segments = word_segments(change.old, change.new)
        changes.append(change)
    return changes


# Restore -------------------------------------------------------------------------


def version_restore(*, obj, version: Version, user):
    """Write an earlier version's content back into `obj`, as a new version by `user`.

    The fields the model keeps (publishing state, counters) stay as they are. The object
    is validated first: a version that no longer fits (its address taken by another
    object since) raises ValidationError and nothing is written.
    """
    history = options_for_model(type(obj))
    old = version.field_dict
    m2m = {}
    for field_name in registered_fields(type(obj)):
        if field_name in history.kept:
            continue
        model_field = type(obj)._meta.get_field(field_name)
        value = old.get(model_field.attname)
        if model_field.many_to_many:
            # Rows deleted since (a retired theme) are left out, not linked to.
            existing = model_field.related_model._default_manager.filter(pk__in=value or [])
            m2m[field_name] = list(existing.values_list("pk", flat=True))
        elif isinstance(model_field, models.FileField):
            setattr(obj, model_field.attname, getattr(value, "name", value) or "")
        else:
            setattr(obj, model_field.attname, value)
    obj.full_clean()
    with transaction.atomic(), revision(user, comment=f"{RESTORE_PREFIX}{version.pk}"):
        if history.restore:
            import_string(history.restore)(obj=obj, m2m=m2m, user=user)
        else:
            obj.save()
            for field_name, ids in m2m.items():
                getattr(obj, field_name).set(ids)
    return obj


# Erasure -------------------------------------------------------------------------


def history_erase(model, *, match: str, value: str, fields: tuple[str, ...]) -> int:
    """Blank `fields` in the saved versions of `model` whose `match` field equals `value`
    (case-insensitively): personal data erased from the rows must not live on in their
    history, nor come back with a restore. Returns how many versions changed."""
    wanted = value.strip().lower()
    if not wanted:
        return 0
    versions = Version.objects.get_for_model(model).filter(serialized_data__icontains=wanted)
    with transaction.atomic():
        return sum(
            _blank_version(version, match, wanted, fields)
            for version in versions.select_for_update()
        )


def _blank_version(version: Version, match: str, wanted: str, fields: tuple[str, ...]) -> bool:
    data = json.loads(version.serialized_data)
    hit = False
    for item in data:
        values = item.get("fields", {})
        if str(values.get(match) or "").strip().lower() == wanted:
            values.update({name: "" for name in fields if name in values})
            hit = True
    if hit:
        version.serialized_data = json.dumps(data)
        version.save(update_fields=["serialized_data"])
    return hit
