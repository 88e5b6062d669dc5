"""Form pieces every workspace editor shares: Finnish and Swedish fields side by side.

`LanguagePairsMixin` groups a ModelForm's modeltranslation fields (`<name>_fi`,
`<name>_sv`) into pairs for `templates/includes/lang_pairs.html`, marks a Swedish field
whose Finnish is written but which is itself empty, and gives rich text a plain textarea
(the page works without JavaScript; the text is sanitised on save as everywhere).
"""

import hashlib
import json

from django import forms
from django.utils.html import strip_tags
from django.utils.text import capfirst
from django.utils.translation import gettext as _


def _filled(value) -> bool:
    return bool(" ".join(strip_tags(str(value or "")).split()))


class LanguagePairsMixin:
    #: the translated field names shown as FI/SV pairs, in order
    translated = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.translated:
            for lang in ("fi", "sv"):
                field = self.fields.get(f"{name}_{lang}")
                if field is None:
                    continue
                if isinstance(
                    field.widget, forms.Textarea
                ) or field.widget.__class__.__name__.startswith("ProseEditor"):
                    field.widget = forms.Textarea(attrs={"rows": 6})
                if name == "slug":
                    field.required = False
                    field.help_text = _("Jätä tyhjäksi, niin tunniste tehdään otsikosta.")
                if lang == "sv":
                    field.required = False
                field.widget.attrs["lang"] = lang
                base = capfirst(self._meta.model._meta.get_field(name).verbose_name)
                template = _("%(field)s suomeksi") if lang == "fi" else _("%(field)s ruotsiksi")
                field.label = template % {"field": base}

    def language_pairs(self):
        pairs = []
        for name in self.translated:
            if f"{name}_fi" not in self.fields:
                continue
            fi, sv = self[f"{name}_fi"], self[f"{name}_sv"]
            pairs.append(
                {"fi": fi, "sv": sv, "sv_missing": _filled(fi.value()) and not _filled(sv.value())}
            )
        return pairs

    def other_fields(self):
        paired = {f"{name}_{lang}" for name in self.translated for lang in ("fi", "sv")}
        return [field for field in self.visible_fields() if field.name not in paired]


class EditConflictMixin:
    """A ModelForm that refuses a save made from a page loaded before someone else saved the
    same object (a lost update: two coordinators editing one event).

    The page carries a fingerprint of the fields this form edits, as they were when it was
    loaded (`edited_state`, hidden). On save the row is read again, locked until the
    request's transaction ends (workspace POSTs run in one), and a different fingerprint
    is refused with a message, the editor's own text still in the form. Counters that
    change by themselves (registrations) are no field of the form, so they never conflict.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            # A posted form carries the state it was loaded with; only a new page reads it.
            loaded = "" if self.is_bound else self.stored_state()
            self.fields["edited_state"] = forms.CharField(
                widget=forms.HiddenInput, required=False, initial=loaded
            )

    def stored_state(self, *, lock: bool = False) -> str:
        """The fingerprint of this form's fields as the database holds them now."""
        model = self._meta.model
        fields = {field.name: field for field in model._meta.get_fields()}
        names = [name for name in self.fields if name in fields]
        columns = [name for name in names if not fields[name].many_to_many]
        rows = model._default_manager.filter(pk=self.instance.pk)
        if lock:
            rows = rows.select_for_update()
        state = rows.values(*columns).first() or {}
        for name in names:
            if fields[name].many_to_many:  # the links as saved (the form saves its own later)
                state[name] = sorted(getattr(self.instance, name).values_list("pk", flat=True))
        encoded = json.dumps(state, sort_keys=True, default=str).encode()
        return hashlib.sha256(encoded).hexdigest()[:32]

    def clean(self):
        cleaned_data = super().clean()
        loaded = self.data.get(self.add_prefix("edited_state"))
        if self.instance.pk is not None and loaded and loaded != self.stored_state(lock=True):
            raise forms.ValidationError(
                _(
                    "Joku muu tallensi tämän sillä välin, kun muokkasit, joten muutoksiasi ei "
                    "tallennettu. Ota tekstisi talteen, lataa sivu uudelleen ja tee muutokset "
                    "uudelleen."
                ),
                code="edit_conflict",
            )
        return cleaned_data
