"""Form pieces every workspace editor shares: Finnish and Swedish fields side by side.

`LanguagePairsMixin` groups a ModelForm's modeltranslation fields (`<name>_fi`,
`<name>_sv`) into pairs for `templates/includes/lang_pairs.html`, marks a Swedish field
whose Finnish is written but which is itself empty, and gives rich text a plain textarea
(the page works without JavaScript; the text is sanitised on save as everywhere).
"""

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
