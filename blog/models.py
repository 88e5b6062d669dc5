from datetime import timedelta
from pathlib import PurePosixPath

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.fields import EDITOR_EXTENSIONS, RichTextField
from core.files import private_storage
from core.images import ImageUploadField
from core.project_content import ProjectContentQuerySet
from core.roles import is_network_coordinator
from core.translation_utils import LANGUAGE_CODES, current_language, localized_value
from projects.models import Project, Theme

COVER_RENDITION_WIDTHS = (480, 960, 1600)
COVER_TOKEN_SALT = "blog.cover"  # noqa: S105 - a signing namespace, not a secret
COVER_TOKEN_MAX_AGE = timedelta(days=3)  # as long as a preview link


class PostQuerySet(ProjectContentQuerySet):
    card_deferred = ("body",)
    """Posts: the shared reads of project content (core.project_content); the public
    ones are published posts whose publish time has come, and a list shows the author."""

    def published_condition(self, now=None) -> Q:
        return Q(status=Post.Status.PUBLISHED, publish_at__lte=now or timezone.now())

    def published(self, now=None):
        """What the public sees: published posts whose publish time has come.

        A scheduled post needs nobody to act: it is in this query from its time on
        (and the page cache is retired then too, see blog.apps).
        """
        return self.filter(self.published_condition(now))

    def scheduled(self, now=None):
        return self.filter(status=Post.Status.PUBLISHED, publish_at__gt=now or timezone.now())

    def for_listing(self):
        return super().for_listing().select_related("author")

    def waiting_for_review(self):
        return self.filter(status=Post.Status.REVIEW)

    def drafts(self):
        return self.filter(status=Post.Status.DRAFT)

    def newest_first(self):
        return self.order_by("-publish_at", "-pk")

    def in_language(self, language: str):
        """Posts written in `language` (a post may exist in one language only)."""
        return self.exclude(**{f"title_{language}__isnull": True}).exclude(
            **{f"title_{language}": ""}
        )


class Post(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Luonnos")
        REVIEW = "review", _("Odottaa tarkistusta")
        PUBLISHED = "published", _("Julkaistu")

    title = models.CharField(_("otsikko"), max_length=200, blank=True)
    slug = models.SlugField(
        _("osoitteen tunniste"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_("Muodostetaan otsikosta, jos jätät kentän tyhjäksi."),
    )
    lead = models.TextField(
        _("ingressi"),
        max_length=500,
        blank=True,
        help_text=_("Lyhyt johdanto, joka näkyy listoissa ja jaettaessa."),
    )
    # Images inside the text (PostImage, uploaded through the image pipeline) are kept
    # by the admin's editor too: its Image extension knows <img>.
    body = RichTextField(_("teksti"), blank=True, extensions={**EDITOR_EXTENSIONS, "Image": True})
    # In the private storage: a cover is read through blog.views.cover, which shows it
    # only while the post is visible (a draft's or a scheduled post's cover is not public).
    cover_image = ImageUploadField(
        _("kansikuva"),
        upload_to="blog/covers/%Y/",
        storage=private_storage,
        min_side=200,
        width_field="cover_width",
        height_field="cover_height",
        blank=True,
        help_text=_(
            "JPEG-, PNG- tai WebP-kuva, enintään 8 Mt ja 24 megapikseliä. "
            "Kuvan sijaintitiedot ja muut metatiedot poistetaan."
        ),
    )
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_alt = models.CharField(
        _("kansikuvan tekstivastine"),
        max_length=250,
        blank=True,
        help_text=_("Kerro lyhyesti, mitä kuvassa näkyy. Pakollinen, jos kuva on lisätty."),
    )
    # Smaller copies of the cover for srcset, made by blog.tasks.make_cover_renditions:
    # {"source": <cover name>, "items": [{"name", "width", "height"}, ...]}
    cover_renditions = models.JSONField(default=dict, blank=True, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="blog_posts",
        verbose_name=_("kirjoittaja"),
    )
    projects = models.ManyToManyField(
        Project,
        verbose_name=_("hankkeet"),
        related_name="posts",
        help_text=_("Hanke tai hankkeet, joiden kuulumisista kirjoitus kertoo."),
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("teemat"), related_name="posts", blank=True
    )
    status = models.CharField(_("tila"), max_length=20, choices=Status, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        _("julkaisuaika"),
        default=timezone.now,
        help_text=_("Julkaistu kirjoitus tulee näkyviin tähän aikaan ilman muita toimia."),
    )
    # Review (a project whose posts need a network coordinator's approval):
    # who sent the post to review and when, and the reviewer's note when it came back.
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tarkistettavaksi lähettänyt"),
    )
    submitted_at = models.DateTimeField(_("lähetetty tarkistettavaksi"), null=True, blank=True)
    review_note = models.TextField(_("tarkistajan kommentti"), blank=True)
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)
    updated_at = models.DateTimeField(_("muokattu"), auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-pk"]
        verbose_name = _("blogikirjoitus")
        verbose_name_plural = _("blogikirjoitukset")
        indexes = [models.Index(fields=["status", "publish_at"])]

    def __str__(self):
        return self.title_fi or self.title_sv or f"#{self.pk}"

    def get_absolute_url(self):
        return reverse("blog:post_detail", kwargs={"slug": self.slug})

    # Languages -----------------------------------------------------------------

    @property
    def languages(self) -> list[str]:
        """The languages the post is written in."""
        return [code for code in LANGUAGE_CODES if getattr(self, f"title_{code}", "")]

    @property
    def content_language(self) -> str:
        """The language the post is shown in on a page of the current language."""
        current = current_language()
        languages = self.languages
        return current if current in languages or not languages else languages[0]

    @property
    def in_other_language(self) -> bool:
        return self.content_language != current_language()

    def text(self, field: str) -> str:
        """A field in the post's display language, never mixed with the other one."""
        return localized_value(self, field, self.content_language)

    @property
    def display_title(self) -> str:
        return self.text("title")

    @property
    def display_lead(self) -> str:
        return self.text("lead")

    @property
    def display_body(self) -> str:
        return self.text("body")

    @property
    def display_alt(self) -> str:
        return self.text("cover_alt") or self.cover_alt_fi or self.cover_alt_sv or ""

    def review_stamp(self) -> str:
        """Which state of the post a reviewer read (any save changes it)."""
        return self.updated_at.isoformat()

    @property
    def author_name(self) -> str:
        if self.author is None:
            return "Välitä! – Visa omtanke!"
        return self.author.get_full_name() or self.author.first_name or "Välitä!"

    @property
    def is_live(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()

    @property
    def is_scheduled(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.publish_at > timezone.now()

    def needs_review_by(self, user, projects=None) -> bool:
        """Whether `user`'s publishing of this post waits for a network coordinator:
        they are not one, and a project of the post (or of `projects`, the ones being
        chosen in a form) asks for approval (Project.posts_need_approval)."""
        if is_network_coordinator(user):
            return False
        if projects is None:
            projects = self.projects.all() if self.pk else []
        return any(project.posts_need_approval for project in projects)

    # Validation and saving -----------------------------------------------------

    def clean(self):
        super().clean()
        errors: dict[str, list] = {}
        languages = self.languages
        if not languages:
            errors["title_fi"] = [
                ValidationError(
                    _("Kirjoita otsikko suomeksi tai ruotsiksi (tai molemmilla kielillä)."),
                    code="no_title",
                )
            ]
        if self.cover_image:
            for code in languages or ["fi"]:
                if not (getattr(self, f"cover_alt_{code}", "") or "").strip():
                    errors.setdefault(f"cover_alt_{code}", []).append(
                        ValidationError(
                            _(
                                "Kirjoita kansikuvalle tekstivastine jokaisella kielellä, "
                                "jolla kirjoitus on."
                            ),
                            code="alt_required",
                        )
                    )
        for code in LANGUAGE_CODES:
            slug = getattr(self, f"slug_{code}", None)
            if slug and (
                Post.objects.exclude(pk=self.pk).filter(Q(slug_fi=slug) | Q(slug_sv=slug)).exists()
            ):
                errors.setdefault(f"slug_{code}", []).append(
                    ValidationError(
                        _("Tämä osoitteen tunniste on jo käytössä. Valitse toinen."),
                        code="slug_taken",
                    )
                )
        if errors:
            raise ValidationError(errors)

    def fill_slugs(self) -> None:
        """Each language gets a slug: its own title's, else the other language's slug."""
        for code in LANGUAGE_CODES:
            if not getattr(self, f"slug_{code}", None):
                title = getattr(self, f"title_{code}", "") or ""
                setattr(self, f"slug_{code}", self._unique_slug(slugify(title)[:180]) or None)
        for code in LANGUAGE_CODES:
            if not getattr(self, f"slug_{code}", None):
                other = next(
                    (getattr(self, f"slug_{c}") for c in LANGUAGE_CODES if c != code), None
                )
                setattr(self, f"slug_{code}", other or self._unique_slug("kirjoitus"))
        self.slug = self.slug_fi

    def _unique_slug(self, base: str) -> str:
        if not base:
            return ""
        slug, n = base, 1
        taken = Post.objects.exclude(pk=self.pk)
        while taken.filter(Q(slug_fi=slug) | Q(slug_sv=slug)).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    def save(self, *args, **kwargs):
        self.fill_slugs()
        if self.cover_image and not self.cover_image._committed:
            self._cover_changed = True  # a new upload, stored re-encoded by the field
        elif self.pk and not getattr(self, "_cover_changed", False):
            old = Post.objects.filter(pk=self.pk).values_list("cover_image", flat=True).first()
            self._cover_changed = old != (self.cover_image.name if self.cover_image else "")
        elif not self.pk:
            self._cover_changed = bool(self.cover_image)
        # blog.signals queues the cover's renditions in this save's transaction.
        with transaction.atomic():
            super().save(*args, **kwargs)
        self._cover_changed = False

    # Images ----------------------------------------------------------------------
    # Covers have no /media/ address: each file (the cover and its renditions) is at
    # /covers/<post>/<file name>, answered by blog.views.cover. The address of a post
    # that is not public yet carries a signed token, so that whoever was shown the
    # post (its editors, a preview link) sees the cover too, and nobody else.

    def cover_token(self) -> str:
        return signing.dumps(self.pk, salt=COVER_TOKEN_SALT)

    def cover_token_valid(self, token: str) -> bool:
        try:
            value = signing.loads(token, salt=COVER_TOKEN_SALT, max_age=COVER_TOKEN_MAX_AGE)
        except signing.BadSignature:
            return False
        return value == self.pk

    def cover_address(self, name: str) -> str:
        url = reverse("blog_cover", kwargs={"post_id": self.pk, "name": PurePosixPath(name).name})
        return url if self.is_live else f"{url}?{urlencode({'t': self.cover_token()})}"

    @property
    def cover_url(self) -> str:
        return self.cover_address(self.cover_image.name) if self.cover_image else ""

    def private_file_url(self, field_name: str) -> str:
        return self.cover_url  # cover_image.url, used by the admin's "currently" link

    def cover_file_named(self, file_name: str):
        """The stored cover or rendition (a FieldFile) whose file name is `file_name`."""
        if not self.cover_image:
            return None
        names = [self.cover_image.name] + [item["name"] for item in self.cover_sources()]
        for name in names:
            if PurePosixPath(name).name == file_name:
                return FieldFile(self, self.cover_image.field, name)
        return None

    def cover_sources(self) -> list[dict]:
        """The cover's renditions that belong to the current file, smallest first."""
        renditions = self.cover_renditions or {}
        if not self.cover_image or renditions.get("source") != self.cover_image.name:
            return []
        return renditions.get("items", [])

    def cover_srcset(self) -> str:
        sources = self.cover_sources()
        parts = [f"{self.cover_address(item['name'])} {item['width']}w" for item in sources]
        if parts and self.cover_width:
            parts.append(f"{self.cover_url} {self.cover_width}w")
        return ", ".join(parts)

    def cover_og_url(self) -> str:
        """The largest rendition up to 1600 px (or the original) for Open Graph."""
        sources = self.cover_sources()
        if sources:
            return self.cover_address(sources[-1]["name"])
        return self.cover_url


class PostImage(models.Model):
    """An image inside a post's text: uploaded through the one image pipeline, stored
    privately and shown (blog.views.body_image) only while its post may be seen."""

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="images", verbose_name=_("kirjoitus")
    )
    image = ImageUploadField(
        _("kuva"),
        upload_to="blog/images/%Y/",
        storage=private_storage,
        max_side=1600,
        width_field="width",
        height_field="height",
        help_text=_(
            "JPEG-, PNG- tai WebP-kuva, enintään 8 Mt ja 24 megapikseliä. "
            "Kuvan sijaintitiedot ja muut metatiedot poistetaan."
        ),
    )
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    alt = models.CharField(
        _("tekstivastine"),
        max_length=250,
        help_text=_("Kerro lyhyesti, mitä kuvassa näkyy."),
    )
    created_at = models.DateTimeField(_("lisätty"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("kirjoituksen kuva")
        verbose_name_plural = _("kirjoituksen kuvat")

    def __str__(self):
        return self.alt_fi or self.alt_sv or f"#{self.pk}"

    @property
    def address(self) -> str:
        """The image's stable address, written into the post's text."""
        return reverse("blog_image", kwargs={"image_id": self.pk})

    def tag(self, language: str) -> str:
        """The <img> written into the text of `language`, with that language's alt."""
        from django.utils.html import format_html

        return format_html(
            '<img src="{}" alt="{}" width="{}" height="{}">',
            self.address,
            localized_value(self, "alt", language) or "",
            self.width or "",
            self.height or "",
        )
