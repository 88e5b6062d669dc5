from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.admin_mixins import TranslatedEditableAdmin
from projects.forms import ProjectsKeptForm

from . import services
from .models import Post


class PostAdminForm(ProjectsKeptForm):
    """The admin holds to the review rule of the workspace: a coordinator whose project's
    posts need approval cannot publish (or change a published post) here either."""

    def clean(self):
        cleaned = super().clean()
        projects = cleaned.get("projects")
        if self.editor is None or projects is None:
            return cleaned
        published = cleaned.get("status") == Post.Status.PUBLISHED
        if published and self.instance.needs_review_by(self.editor, projects=projects):
            self.add_error(
                "status",
                ValidationError(
                    _(
                        "Tämän hankkeen kirjoitukset julkaisee verkostokoordinaattori. "
                        "Lähetä kirjoitus tarkistettavaksi työtilassa."
                    ),
                    code="needs_review",
                ),
            )
        return cleaned


@admin.register(Post)
class PostAdmin(TranslatedEditableAdmin):
    project_coordinators_may_edit = True
    form = PostAdminForm
    list_display = ["__str__", "visibility", "publish_at", "author"]
    list_filter = ["status", "projects", "themes"]
    search_fields = ["title_fi", "title_sv"]
    date_hierarchy = "publish_at"
    filter_horizontal = ["projects", "themes"]
    readonly_fields = ["author", "preview_link", "updated_at"]
    fieldsets = [
        (
            None,
            {
                "fields": ["title", "slug", "lead", "body"],
                "description": _(
                    "Kirjoitus voi olla suomeksi, ruotsiksi tai molemmilla kielillä. "
                    "Täytä otsikko niillä kielillä, joilla kirjoitus on."
                ),
            },
        ),
        (_("Kansikuva"), {"fields": ["cover_image", "cover_alt"]}),
        (_("Hankkeet ja teemat"), {"fields": ["projects", "themes"]}),
        (
            _("Julkaisu"),
            {
                "fields": [
                    "status",
                    "publish_at",
                    "preview_link",
                    "author",
                    "review_note",
                    "updated_at",
                ]
            },
        ),
    ]

    @admin.display(description=_("näkyvyys"))
    def visibility(self, obj):
        if obj.status == Post.Status.DRAFT:
            return _("Luonnos")
        if obj.status == Post.Status.REVIEW:
            return _("Odottaa tarkistusta")
        return _("Julkaistu") if obj.is_live else _("Ajastettu")

    @admin.display(description=_("esikatselulinkki"))
    def preview_link(self, obj):
        if not obj or not obj.pk:
            return "–"
        return format_html(
            '<a href="{}">{}</a>',
            services.preview_url(obj),
            _("Avaa esikatselu (voimassa kolme päivää)"),
        )

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)
