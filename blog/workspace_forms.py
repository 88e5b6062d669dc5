"""The workspace's post editor: FI and SV side by side, images from the image pipeline."""

import re
from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.html import sanitize_html
from core.images import ACCEPT, ImageUploadFormField
from core.workspace_forms import EditConflictMixin
from projects.forms import ProjectsKeptFormMixin
from projects.models import Project, Theme

from .models import Post, PostImage

IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r'\b(src|alt)="([^"]*)"', re.IGNORECASE)
IMAGE_PATH = re.compile(r"^/post-images/(\d+)$")
LANGUAGE_NAMES = {"fi": _("suomeksi"), "sv": _("ruotsiksi")}


class LocalDateTimeInput(forms.DateTimeInput):
    """A native date and time picker, in Europe/Helsinki (the active time zone)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class PostForm(EditConflictMixin, ProjectsKeptFormMixin, forms.ModelForm):
    """The text of a post in both languages, the cover, projects, themes and the time.

    The text is HTML of the portal's allowlist (core/html.py), the same sanitiser as the
    admin's editor; images in it must be this post's own uploads and carry a description.
    """

    body_fi = forms.CharField(
        label=_("Teksti"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16, "class": "post-body", "data-lang": "fi"}),
    )
    body_sv = forms.CharField(
        label=_("Teksti"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16, "class": "post-body", "data-lang": "sv"}),
    )
    cover_image = ImageUploadFormField(
        label=_("Kansikuva"),
        required=False,
        min_side=200,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        help_text=Post._meta.get_field("cover_image").help_text,
    )
    publish_at = forms.DateTimeField(
        label=_("Julkaisuaika"),
        required=False,
        widget=LocalDateTimeInput(),
        help_text=_(
            "Jätä tyhjäksi, niin kirjoitus julkaistaan heti. Myöhempi aika ajastaa julkaisun."
        ),
    )

    class Meta:
        model = Post
        fields = [
            "title_fi",
            "title_sv",
            "lead_fi",
            "lead_sv",
            "body_fi",
            "body_sv",
            "cover_image",
            "cover_alt_fi",
            "cover_alt_sv",
            "projects",
            "themes",
            "publish_at",
        ]
        labels = {
            "title_fi": _("Otsikko"),
            "title_sv": _("Otsikko"),
            "lead_fi": _("Ingressi"),
            "lead_sv": _("Ingressi"),
            "cover_alt_fi": _("Kansikuvan tekstivastine"),
            "cover_alt_sv": _("Kansikuvan tekstivastine"),
        }
        widgets = {
            "lead_fi": forms.Textarea(attrs={"rows": 3}),
            "lead_sv": forms.Textarea(attrs={"rows": 3}),
            "projects": forms.CheckboxSelectMultiple,
            "themes": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, editor=None, **kwargs):
        super().__init__(*args, editor=editor, **kwargs)
        for code in ("fi", "sv"):
            for name in ("title", "lead", "body", "cover_alt"):
                field = self.fields[f"{name}_{code}"]
                field.widget.attrs["lang"] = code
        self.fields["themes"].queryset = Theme.objects.order_by("number")
        self.fields["themes"].required = False
        if self.instance.pk is None and not self.is_bound:
            self._preselect_own_project()
        if self.instance.pk and self.instance.publish_at and self.instance.status != "draft":
            self.initial["publish_at"] = timezone.localtime(self.instance.publish_at)
        else:
            self.initial["publish_at"] = None  # a draft's time is chosen when publishing

    def _preselect_own_project(self):
        """A coordinator of exactly one project writes for it unless they choose otherwise."""
        projects = list(self.fields["projects"].queryset[:2])
        if len(projects) == 1:
            self.initial["projects"] = [projects[0].pk]

    def clean_publish_at(self):
        value = self.cleaned_data.get("publish_at")
        if value is None:
            return timezone.now()
        if isinstance(value, datetime) and timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value

    def _clean_body(self, code: str) -> str:
        value = sanitize_html(self.cleaned_data.get(f"body_{code}") or "")
        own = {str(pk) for pk in self._own_image_ids()}
        for tag in IMG_TAG.findall(value):
            attributes = {k.lower(): v for k, v in ATTRIBUTE.findall(tag)}
            match = IMAGE_PATH.match(attributes.get("src", ""))
            if not match or match.group(1) not in own:
                raise ValidationError(
                    _(
                        "Tekstissä on kuva, jota ei ole ladattu tähän kirjoitukseen. "
                        "Lisää kuvat lomakkeen Kuvat-osasta."
                    ),
                    code="foreign_image",
                )
            if not attributes.get("alt", "").strip():
                raise ValidationError(
                    _("Jokaisella tekstin kuvalla pitää olla tekstivastine (alt)."),
                    code="alt_required",
                )
        return value

    def _own_image_ids(self):
        if self.instance.pk is None:
            return []
        return PostImage.objects.filter(post=self.instance).values_list("pk", flat=True)

    def clean_body_fi(self):
        return self._clean_body("fi")

    def clean_body_sv(self):
        return self._clean_body("sv")

    def save(self, commit=True):
        raise NotImplementedError("Saved by blog.services.post_write")

    def chosen_projects(self) -> list[Project]:
        return list(self.cleaned_data["projects"])

    def chosen_themes(self) -> list[Theme]:
        return list(self.cleaned_data.get("themes") or [])


class PostImageForm(forms.Form):
    """An image for the text, described in both languages (both required)."""

    image = ImageUploadFormField(
        label=_("Kuva"),
        help_text=PostImage._meta.get_field("image").help_text,
    )
    alt_fi = forms.CharField(
        label=_("Tekstivastine suomeksi"),
        max_length=250,
        help_text=_("Kerro lyhyesti, mitä kuvassa näkyy."),
        widget=forms.TextInput(attrs={"lang": "fi"}),
    )
    alt_sv = forms.CharField(
        label=_("Tekstivastine ruotsiksi"),
        max_length=250,
        help_text=_("Kerro lyhyesti, mitä kuvassa näkyy."),
        widget=forms.TextInput(attrs={"lang": "sv"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "kuva")
        super().__init__(*args, **kwargs)


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=_("Kommentti kirjoittajalle"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kerro, mitä kirjoituksessa pitää muuttaa ennen julkaisua."),
        required=False,
    )
