"""Surveys: the questionnaire (Survey, Page, Question, Statement, Choice, Condition),
the ways in (Collector, Invitation) and what respondents gave (Response, Answer).

Answers are stored in typed columns (a Likert value is an integer next to its
statement, a choice is a foreign key) so that results are GROUP BY queries
(surveys/results.py), never loops over answers in Python.
"""

import secrets
import uuid
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core import deadlines
from core.roles import coordinated_project_ids, is_network_coordinator
from core.translation_utils import (
    TranslatedQuerySet,
    TranslatedSlugQuerySetMixin,
    fill_missing_slugs,
)
from events.models import Event
from projects.models import Project


def site_origin(address: str) -> str | None:
    """`https://www.example.fi` of an address (a path, query or trailing slash dropped);
    None when it is no http(s) address of a host."""
    if any(c in address for c in " ;,'\"") or not address.startswith(("https://", "http://")):
        return None
    try:
        parts = urlsplit(address)
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname:
        return None
    return f"{parts.scheme}://{parts.hostname}{f':{port}' if port else ''}"


def new_token() -> str:
    return secrets.token_urlsafe(24)


class SurveyQuerySet(TranslatedSlugQuerySetMixin, TranslatedQuerySet):
    def open(self, now=None):
        """Surveys that take answers now: status open and inside their time window."""
        now = now or timezone.now()
        return self.filter(status=Survey.Status.OPEN).filter(
            Q(opens_at__isnull=True) | Q(opens_at__lte=now),
            deadlines.open_q("closes_at", now, null_is_open=True),
        )

    def next_opening_or_closing(self, now=None):
        """When an open survey next opens or closes by its own times, which changes the
        public list (None when none will)."""
        now = now or timezone.now()
        times = self.filter(status=Survey.Status.OPEN).aggregate(
            opening=models.Min("opens_at", filter=Q(opens_at__gt=now)),
            closing=models.Min("closes_at", filter=Q(closes_at__gt=now)),
        )
        return min(filter(None, times.values()), default=None)

    def listed(self, now=None):
        """The public list: open surveys with an active public link, not hidden from it."""
        public = Collector.objects.filter(
            survey=models.OuterRef("pk"), kind=Collector.Kind.PUBLIC, is_active=True
        )
        return (
            self.open(now)
            .filter(is_listed=True)
            .filter(models.Exists(public))
            .order_by("closes_at", "pk")
        )

    def editable_by(self, user):
        """Only network coordinators build and change surveys."""
        return self if is_network_coordinator(user) else self.none()

    def with_response_counts(self):
        """`response_total` and `last_response`: completed answers, test answers left out."""
        counted = Q(responses__is_test=False, responses__completed_at__isnull=False)
        return self.annotate(
            response_total=Count("responses", filter=counted),
            last_response=models.Max("responses__completed_at", filter=counted),
        )

    def concerning(self, project_ids):
        """Surveys that concern these projects, whose results their coordinators see.

        A survey concerns a project through a collector of the project (its own link, or
        the participants of an event it organises) or a response attributed to it. The
        one rule behind `visible_to` and the results dashboard (reports.access.Scope).
        """
        if not project_ids:
            return self.none()
        return self.filter(
            Q(pk__in=Collector.objects.of_projects(project_ids).values("survey"))
            | Q(pk__in=Response.objects.filter(project__in=project_ids).values("survey"))
        )

    def visible_to(self, user):
        """Surveys whose collectors and results a user may see."""
        if is_network_coordinator(user):
            return self
        return self.concerning(coordinated_project_ids(user))


class Survey(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Luonnos")
        OPEN = "open", _("Avoinna")
        CLOSED = "closed", _("Suljettu")

    title = models.CharField(_("otsikko"), max_length=200)
    slug = models.SlugField(_("osoitteen tunniste"), max_length=200, unique=True)
    intro = models.TextField(_("johdanto"), blank=True)
    thank_you = models.TextField(
        _("kiitosteksti"), blank=True, help_text=_("Näytetään vastaajalle lopuksi.")
    )
    series = models.SlugField(
        _("sarja"),
        max_length=100,
        help_text=_("Saman sarjan kierroksia voi verrata keskenään, esim. verkostokysely."),
    )
    round = models.PositiveSmallIntegerField(_("kierros"), default=1)
    status = models.CharField(_("tila"), max_length=10, choices=Status, default=Status.DRAFT)
    opens_at = models.DateTimeField(_("avautuu"), null=True, blank=True)
    closes_at = models.DateTimeField(_("sulkeutuu"), null=True, blank=True)
    anonymous = models.BooleanField(
        _("anonyymi"),
        default=True,
        help_text=_("Vastausta ei voi yhdistää kutsuttuun henkilöön."),
    )
    is_listed = models.BooleanField(_("näkyy avoimien kyselyjen listassa"), default=True)
    embed_domains = models.TextField(
        _("sallitut upotussivustot"),
        blank=True,
        help_text=_(
            "Sivustot, joille kyselyn saa upottaa, yksi rivillä, esim. https://www.winnova.fi"
        ),
    )
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)
    updated_at = models.DateTimeField(_("muokattu"), auto_now=True)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("kysely")
        verbose_name_plural = _("kyselyt")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "round"],
                name="survey_round_unique_in_series",
                violation_error_message=_("Sarjassa on jo tämä kierros."),
            ),
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True)
                | Q(closes_at__isnull=True)
                | Q(closes_at__gt=models.F("opens_at")),
                name="survey_closes_after_opening",
                violation_error_message=_("Kysely ei voi sulkeutua ennen kuin se avautuu."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("surveys:survey_answer", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        fill_missing_slugs(self, source="title")
        super().save(*args, **kwargs)

    def is_accepting(self, now=None) -> bool:
        return not self.closed_reason(now)

    def closed_reason(self, now=None) -> str:
        """Why the survey takes no answers, in the visitor's language ("" when it does)."""
        now = now or timezone.now()
        if self.status == self.Status.DRAFT:
            return str(_("Kysely ei ole vielä avoinna."))
        if self.status == self.Status.CLOSED or deadlines.has_passed(self.closes_at, now):
            return str(_("Kysely on suljettu. Kiitos mielenkiinnosta!"))
        if self.opens_at and now < self.opens_at:
            return str(
                _("Kysely avautuu %(date)s.")
                % {"date": timezone.localtime(self.opens_at).strftime("%-d.%-m.%Y %H.%M")}
            )
        return ""

    def embed_domain_list(self) -> list[str]:
        """The allowed sites as origins (scheme and host): a browser matches the framing
        page's origin, and a source with a path ("https://x.fi/kyselyt/") matches none."""
        lines = [line.strip() for line in self.embed_domains.splitlines() if line.strip()]
        return list(dict.fromkeys(site_origin(line) or line.rstrip("/") for line in lines))

    def clean(self):
        super().clean()
        for line in self.embed_domains.splitlines():
            if line.strip() and site_origin(line.strip()) is None:
                raise ValidationError(
                    {
                        "embed_domains": ValidationError(
                            _("Kirjoita jokainen sivusto muodossa https://esimerkki.fi."),
                            code="bad_domain",
                        )
                    }
                )

    def has_responses(self) -> bool:
        """Real (non-test) responses exist: the questions can no longer change shape."""
        return self.responses.filter(is_test=False).exists()

    def previous_round(self):
        return (
            Survey.objects.filter(series=self.series, round__lt=self.round)
            .order_by("-round")
            .first()
        )


class PageQuerySet(TranslatedQuerySet):
    def editable_by(self, user):
        return self.filter(survey__in=Survey.objects.editable_by(user))


class Page(models.Model):
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="pages", verbose_name=_("kysely")
    )
    order = models.PositiveSmallIntegerField(_("järjestys"), default=0)
    title = models.CharField(_("otsikko"), max_length=200, blank=True)
    intro = models.TextField(_("johdanto"), blank=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("sivu")
        verbose_name_plural = _("sivut")

    def __str__(self):
        return self.title or str(_("Sivu %(number)s") % {"number": self.order})


# Fields whose change would make stored answers mean something else.
LOCKED_QUESTION_FIELDS = ("kind", "scale_size", "survey_id")


def structure_locked_message() -> str:
    """In the language of the request that tried the change (not lazy)."""
    return gettext(
        "Kyselyyn on jo vastattu, joten sen kysymysten lajia, asteikkoa, väittämiä ja "
        "vaihtoehtoja ei voi poistaa tai muuttaa. Tekstien korjaukset ovat sallittuja."
    )


class QuestionQuerySet(TranslatedQuerySet):
    def editable_by(self, user):
        return self.filter(survey__in=Survey.objects.editable_by(user))


class Question(models.Model):
    class Kind(models.TextChoices):
        LIKERT = "likert", _("Väittämäryhmä (asteikko)")
        SINGLE = "single", _("Yksi vaihtoehto")
        MULTIPLE = "multiple", _("Monta vaihtoehtoa")
        SHORT_TEXT = "short_text", _("Lyhyt teksti")
        LONG_TEXT = "long_text", _("Pitkä teksti")
        NUMBER = "number", _("Numero")
        PROJECT = "project", _("Mikä verkostohanke")

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="questions", verbose_name=_("kysely")
    )
    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="questions", verbose_name=_("sivu")
    )
    order = models.PositiveSmallIntegerField(_("järjestys"), default=0)
    kind = models.CharField(_("laji"), max_length=20, choices=Kind)
    text = models.CharField(_("kysymys"), max_length=500)
    help_text = models.CharField(_("ohje"), max_length=500, blank=True)
    required = models.BooleanField(_("pakollinen"), default=False)
    scale_size = models.PositiveSmallIntegerField(
        _("asteikon pituus"),
        default=5,
        help_text=_("Väittämäryhmän asteikko 1–N."),
    )
    scale_min_label = models.CharField(
        _("asteikon alapään nimi"),
        max_length=100,
        blank=True,
        help_text=_("Tyhjä: ”Täysin eri mieltä”."),
    )
    scale_max_label = models.CharField(
        _("asteikon yläpään nimi"),
        max_length=100,
        blank=True,
        help_text=_("Tyhjä: ”Täysin samaa mieltä”."),
    )
    allow_dont_know = models.BooleanField(_("vaihtoehto ”En osaa sanoa”"), default=True)
    min_choices = models.PositiveSmallIntegerField(
        _("valintoja vähintään"),
        null=True,
        blank=True,
        help_text=_("Monivalinnassa: vähintään näin monta (tyhjä: ei rajaa)."),
    )
    max_choices = models.PositiveSmallIntegerField(
        _("valintoja enintään"),
        null=True,
        blank=True,
        help_text=_("Monivalinnassa: enintään näin monta (tyhjä: ei rajaa)."),
    )
    number_min = models.DecimalField(
        _("pienin luku"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    number_max = models.DecimalField(
        _("suurin luku"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    previous = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_rounds",
        verbose_name=_("sama kysymys edellisellä kierroksella"),
    )

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["page__order", "order", "pk"]
        verbose_name = _("kysymys")
        verbose_name_plural = _("kysymykset")
        constraints = [
            models.CheckConstraint(
                condition=Q(scale_size__gte=2, scale_size__lte=10),
                name="question_scale_2_to_10",
                violation_error_message=_("Asteikossa on 2–10 kohtaa."),
            ),
            models.CheckConstraint(
                condition=Q(min_choices__isnull=True)
                | Q(max_choices__isnull=True)
                | Q(min_choices__lte=models.F("max_choices")),
                name="question_min_choices_at_most_max",
                violation_error_message=_("Valintoja vähintään ei voi olla enemmän kuin enintään."),
            ),
            models.CheckConstraint(
                condition=Q(number_min__isnull=True)
                | Q(number_max__isnull=True)
                | Q(number_min__lte=models.F("number_max")),
                name="question_number_min_at_most_max",
                violation_error_message=_("Pienin luku ei voi olla suurempi kuin suurin."),
            ),
        ]

    def __str__(self):
        return self.text

    def clean(self):
        super().clean()
        if self.page_id and self.survey_id and self.page.survey_id != self.survey_id:
            raise ValidationError(
                {"page": ValidationError(_("Sivu kuuluu toiseen kyselyyn."), code="other_survey")}
            )
        errors = {**self.condition_errors(), **self.change_errors()}
        if errors:
            raise ValidationError(errors)

    def dependents_message(self) -> str:
        return _(
            "Kysymykseen viittaa näyttämisehto (%(count)s kpl). Poista ehdot ensin, jotta "
            "mikään kysymys tai sivu ei jää näkymättä."
        ) % {"count": self.dependent_conditions.count()}

    def condition_errors(self) -> dict:
        """A new kind that the display conditions on this question no longer fit: a choice
        condition needs a choice question, a scale condition a statement group (empty when
        the kind stands or every condition still fits)."""
        if not self.pk:
            return {}
        old_kind = Question.objects.filter(pk=self.pk).values_list("kind", flat=True).first()
        if old_kind in (None, self.kind):
            return {}
        operators = set(self.dependent_conditions.values_list("operator", flat=True))
        fits = all(
            self.has_choices if operator == Condition.Operator.CHOICE_IN else self.is_likert
            for operator in operators
        )
        if fits:
            return {}
        return {"kind": ValidationError(self.dependents_message(), code="has_dependents")}

    def change_errors(self) -> dict:
        """Changes to a saved question that would corrupt its answers (empty when none)."""
        if not self.pk:
            return {}
        fields = (*LOCKED_QUESTION_FIELDS, "allow_dont_know")
        old = Question.objects.filter(pk=self.pk).values(*fields).first()
        if old is None or not Survey.objects.get(pk=old["survey_id"]).has_responses():
            return {}
        errors = {}
        for field in LOCKED_QUESTION_FIELDS:
            if old[field] != getattr(self, field):
                name = field.removesuffix("_id")
                errors[name if name != "survey" else "__all__"] = ValidationError(
                    structure_locked_message(), code="answered"
                )
        if old["allow_dont_know"] and not self.allow_dont_know:
            errors["allow_dont_know"] = ValidationError(structure_locked_message(), code="answered")
        return errors

    @property
    def is_likert(self) -> bool:
        return self.kind == self.Kind.LIKERT

    @property
    def has_choices(self) -> bool:
        return self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE)

    @property
    def min_label(self) -> str:
        return self.scale_min_label or str(_("Täysin eri mieltä"))

    @property
    def max_label(self) -> str:
        return self.scale_max_label or str(_("Täysin samaa mieltä"))

    def limits_note(self) -> str:
        """The respondent's note of a multiple choice's limits or a number's range ("")."""
        if self.kind == self.Kind.MULTIPLE:
            low, high = self.min_choices, self.max_choices
            if low and high:
                return _("Valitse %(low)s–%(high)s vaihtoehtoa.") % {"low": low, "high": high}
            if low:
                return _("Valitse vähintään %(low)s vaihtoehtoa.") % {"low": low}
            if high:
                return _("Valitse enintään %(high)s vaihtoehtoa.") % {"high": high}
        if self.kind == self.Kind.NUMBER:
            low, high = plain_number(self.number_min), plain_number(self.number_max)
            if low and high:
                return _("Luku väliltä %(low)s–%(high)s.") % {"low": low, "high": high}
            if low:
                return _("Luku, joka on vähintään %(low)s.") % {"low": low}
            if high:
                return _("Luku, joka on enintään %(high)s.") % {"high": high}
        return ""

    def scale_values(self) -> list[int]:
        return list(range(1, self.scale_size + 1))


def plain_number(number) -> str:
    """A decimal as people write it, with the language's decimal mark (12, 3,5): "" for None."""
    if number is None:
        return ""
    from django.utils.formats import number_format

    text = format(number.normalize(), "f")
    places = len(text.split(".")[1]) if "." in text else 0
    return number_format(number, decimal_pos=places)


class Statement(models.Model):
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="statements", verbose_name=_("kysymys")
    )
    order = models.PositiveSmallIntegerField(_("järjestys"), default=0)
    text = models.CharField(_("väittämä"), max_length=500)
    previous = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_rounds",
        verbose_name=_("sama väittämä edellisellä kierroksella"),
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("väittämä")
        verbose_name_plural = _("väittämät")

    def __str__(self):
        return self.text


class Choice(models.Model):
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="choices", verbose_name=_("kysymys")
    )
    order = models.PositiveSmallIntegerField(_("järjestys"), default=0)
    text = models.CharField(_("vaihtoehto"), max_length=300)
    is_other = models.BooleanField(
        _("muu, mikä?"),
        default=False,
        help_text=_("Valitsija kirjoittaa tarkennuksen, esim. ”Muu, mikä?”."),
    )
    previous = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_rounds",
        verbose_name=_("sama vaihtoehto edellisellä kierroksella"),
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("vaihtoehto")
        verbose_name_plural = _("vaihtoehdot")

    def __str__(self):
        return self.text


class Condition(models.Model):
    """Show a page or a question only when an earlier answer matches.

    Several conditions on one target must all hold. The source is on an earlier
    page, so the server decides before the page is shown (no JavaScript needed).
    """

    class Operator(models.TextChoices):
        CHOICE_IN = "choice_in", _("vastaus on jokin valituista vaihtoehdoista")
        AT_LEAST = "at_least", _("asteikkovastaus vähintään")
        AT_MOST = "at_most", _("asteikkovastaus enintään")

    page = models.ForeignKey(
        Page,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="conditions",
        verbose_name=_("näytettävä sivu"),
    )
    question = models.ForeignKey(
        Question,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="conditions",
        verbose_name=_("näytettävä kysymys"),
    )
    source = models.ForeignKey(
        Question,
        on_delete=models.CASCADE,
        related_name="dependent_conditions",
        verbose_name=_("aiempi kysymys"),
    )
    operator = models.CharField(_("ehto"), max_length=20, choices=Operator)
    choices = models.ManyToManyField(
        Choice, blank=True, related_name="conditions", verbose_name=_("vaihtoehdot")
    )
    statement = models.ForeignKey(
        Statement,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="conditions",
        verbose_name=_("väittämä"),
    )
    value = models.PositiveSmallIntegerField(_("arvo"), null=True, blank=True)

    class Meta:
        verbose_name = _("näyttämisehto")
        verbose_name_plural = _("näyttämisehdot")
        constraints = [
            models.CheckConstraint(
                condition=Q(page__isnull=True, question__isnull=False)
                | Q(page__isnull=False, question__isnull=True),
                name="condition_one_target",
                violation_error_message=_("Ehto koskee joko sivua tai kysymystä."),
            ),
            models.CheckConstraint(
                condition=Q(operator="choice_in") | Q(value__isnull=False, statement__isnull=False),
                name="condition_scale_needs_value",
                violation_error_message=_("Asteikkoehto tarvitsee väittämän ja arvon."),
            ),
        ]

    def __str__(self):
        return f"{self.source} – {self.get_operator_display()}"

    def clean(self):
        super().clean()
        if not self.source_id:
            return
        source = self.source
        target_page = self.page if self.page_id else None
        if target_page is None and self.question_id:
            target_page = self.question.page
        if target_page is not None and (
            source.survey_id != target_page.survey_id
            or (source.page.order, source.page_id) >= (target_page.order, target_page.pk)
        ):
            raise ValidationError(
                {
                    "source": ValidationError(
                        _("Ehdon kysymyksen pitää olla aiemmalla sivulla."), code="not_earlier"
                    )
                }
            )
        if self.operator == self.Operator.CHOICE_IN and not source.has_choices:
            raise ValidationError(
                {
                    "operator": ValidationError(
                        _("Vaihtoehtoehto sopii vain vaihtoehtokysymykseen."), code="not_choice"
                    )
                }
            )
        if self.operator != self.Operator.CHOICE_IN:
            if not source.is_likert:
                raise ValidationError(
                    {
                        "operator": ValidationError(
                            _("Asteikkoehto sopii vain väittämäryhmään."), code="not_likert"
                        )
                    }
                )
            if self.statement_id and self.statement.question_id != source.pk:
                raise ValidationError(
                    {
                        "statement": ValidationError(
                            _("Väittämä kuuluu toiseen kysymykseen."), code="other_question"
                        )
                    }
                )

    def matches(self, answers: dict) -> bool:
        """Whether the stored answers (see surveys/answering.py) satisfy this condition."""
        answer = answers.get(str(self.source_id))
        if answer is None:
            return False
        if self.operator == self.Operator.CHOICE_IN:
            wanted = {choice.pk for choice in self.choices.all()}
            given = set(answer) if isinstance(answer, list) else {answer}
            return bool(wanted & given)
        value = answer.get(str(self.statement_id)) if isinstance(answer, dict) else None
        if not isinstance(value, int):
            return False  # no answer or "don't know"
        if self.operator == self.Operator.AT_LEAST:
            return value >= self.value
        return value <= self.value


class CollectorQuerySet(models.QuerySet):
    def editable_by(self, user):
        return self.filter(survey__in=Survey.objects.editable_by(user))

    def of_projects(self, project_ids):
        """A project's own links and the participants of the events it organises."""
        if not project_ids:
            return self.none()
        events = Event.objects.filter(projects__in=project_ids).values("pk")
        return self.filter(Q(project__in=project_ids) | Q(event__in=events))

    def visible_to(self, user):
        """Network coordinators see every collector; project coordinators their projects'."""
        if is_network_coordinator(user):
            return self
        return self.of_projects(coordinated_project_ids(user))

    def with_stats(self):
        """Started, completed (non-test) responses and invitations, counted in the database."""
        return self.annotate(
            completed=Count("responses", filter=Q(responses__is_test=False), distinct=True),
            invited=Count("invitations", distinct=True),
        )


class Collector(models.Model):
    class Kind(models.TextChoices):
        PUBLIC = "public", _("Julkinen linkki")
        PROJECT = "project", _("Hankekohtainen linkki")
        INVITATION = "invitation", _("Kutsut sähköpostilla")
        EVENT = "event", _("Tapahtuman osallistujat")

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="collectors", verbose_name=_("kysely")
    )
    kind = models.CharField(_("laji"), max_length=20, choices=Kind, default=Kind.PUBLIC)
    name = models.CharField(_("nimi"), max_length=200, blank=True)
    project = models.ForeignKey(
        Project,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="survey_collectors",
        verbose_name=_("hanke"),
        help_text=_("Tämän linkin kautta tulleet vastaukset kirjataan hankkeelle."),
    )
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="survey_collectors",
        verbose_name=_("tapahtuma"),
        help_text=_(
            "Tapahtuman osallistujat saavat kutsun palautekyselyyn, kun tapahtuma on päättynyt."
        ),
    )
    token = models.CharField(_("tunniste"), max_length=64, unique=True, default=new_token)
    is_active = models.BooleanField(_("käytössä"), default=True)
    started_count = models.PositiveIntegerField(_("aloitettuja"), default=0, editable=False)
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)

    objects = CollectorQuerySet.as_manager()

    class Meta:
        ordering = ["survey", "kind", "pk"]
        verbose_name = _("vastauskanava")
        verbose_name_plural = _("vastauskanavat")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="project", project__isnull=False)
                | (~Q(kind="project") & Q(project__isnull=True)),
                name="collector_project_iff_project_kind",
                violation_error_message=_("Hankekohtaiselle linkille valitaan hanke, muille ei."),
            ),
            models.CheckConstraint(
                condition=Q(kind="event", event__isnull=False)
                | (~Q(kind="event") & Q(event__isnull=True)),
                name="collector_event_iff_event_kind",
                violation_error_message=_("Tapahtumakanavalle valitaan tapahtuma, muille ei."),
            ),
        ]

    def __str__(self):
        if self.name:
            return self.name
        if self.project_id:
            return f"{self.get_kind_display()}: {self.project}"
        return str(self.get_kind_display())

    def get_absolute_url(self):
        return reverse(
            "surveys:collector_answer", kwargs={"slug": self.survey.slug, "token": self.token}
        )

    @property
    def sends_invitations(self) -> bool:
        return self.kind in (self.Kind.INVITATION, self.Kind.EVENT)

    def project_ids(self) -> set[int]:
        """The projects this collector's responses belong to (an event's: its organisers)."""
        if self.project_id:
            return {self.project_id}
        if self.event_id:
            return {project.pk for project in self.event.projects.all()}
        return set()

    def response_project_id(self, answered: int | None) -> int | None:
        """The project a response through this collector is attributed to.

        A project's own link gives its project; an event's participants belong to the
        event's organising project (with several organisers, the one the respondent named,
        else none of them); any other way in takes the respondent's answer.
        """
        own = self.project_ids()
        if not own:
            return answered
        if answered in own:
            return answered
        return next(iter(own)) if len(own) == 1 else None

    def response_rate(self, completed: int, invited: int) -> float | None:
        if self.sends_invitations:
            return completed / invited if invited else None
        return completed / self.started_count if self.started_count else None


MAX_REMINDERS = 3  # reminders one survey may schedule, and so any invitee may get


class ReminderQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(queued_at__isnull=True)

    def due(self, now=None):
        return self.pending().filter(send_at__lte=now or timezone.now())


class Reminder(models.Model):
    """A reminder scheduled for every invitee of a survey who has not answered by then.

    At most MAX per survey; numbered 1..MAX in the order they are sent, the number being
    the invitee's reminder count once it has gone out (surveys/collecting.py).
    """

    MAX = MAX_REMINDERS

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("kysely")
    )
    number = models.PositiveSmallIntegerField(_("järjestysnumero"))
    send_at = models.DateTimeField(_("lähetetään"))
    queued_at = models.DateTimeField(_("lähetetty jonoon"), null=True, blank=True)
    recipients = models.PositiveIntegerField(_("vastaanottajia"), default=0)
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)

    objects = ReminderQuerySet.as_manager()

    class Meta:
        ordering = ["survey", "number"]
        verbose_name = _("muistutus")
        verbose_name_plural = _("muistutukset")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "number"],
                name="reminder_number_unique_in_survey",
                violation_error_message=_("Kyselyllä on jo muistutus tällä numerolla."),
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=MAX_REMINDERS),
                name="reminder_number_1_to_3",
                violation_error_message=_("Kyselylle voi ajastaa enintään kolme muistutusta."),
            ),
        ]

    def __str__(self):
        return f"{self.survey} #{self.number}"


class PageReach(models.Model):
    """How many respondents came to a page and how many went on from it, per collector.

    Two aggregate counters, raised once per draft (the signed draft remembers which pages
    it has counted), so that where respondents stop is known without storing anything
    about any one of them.
    """

    page_cache_exempt = True

    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="reach", verbose_name=_("sivu")
    )
    collector = models.ForeignKey(
        Collector, on_delete=models.CASCADE, related_name="page_reach", verbose_name=_("kanava")
    )
    arrived = models.PositiveIntegerField(_("tulleita"), default=0)
    passed = models.PositiveIntegerField(_("jatkaneita"), default=0)

    class Meta:
        verbose_name = _("sivun kävijämäärä")
        verbose_name_plural = _("sivujen kävijämäärät")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "collector"], name="page_reach_once_per_collector"
            ),
        ]

    def __str__(self):
        return f"{self.page}: {self.arrived}/{self.passed}"


class InvitationQuerySet(models.QuerySet):
    def unused(self):
        return self.filter(used_at__isnull=True)

    def reachable(self):
        """Invitations that still have an address. Erasing the invitee blanks it, which
        ends the link and every email (the blank address is the one erasure marker)."""
        return self.exclude(email="")

    def editable_by(self, user):
        return self.filter(collector__in=Collector.objects.editable_by(user))


class Invitation(models.Model):
    page_cache_exempt = True

    collector = models.ForeignKey(
        Collector,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("vastauskanava"),
    )
    email = models.EmailField(_("sähköposti"))
    name = models.CharField(_("nimi"), max_length=200, blank=True)
    language = models.CharField(
        _("kieli"), max_length=2, choices=[("fi", "suomi"), ("sv", "svenska")], default="fi"
    )
    token = models.CharField(_("tunniste"), max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)
    sent_at = models.DateTimeField(_("lähetetty"), null=True, blank=True, editable=False)
    reminded_at = models.DateTimeField(_("muistutettu"), null=True, blank=True, editable=False)
    # How many reminders went out; a scheduled reminder numbered k claims the invitation by
    # raising it to k, so a second delivery is a no-op and nobody gets more than k.
    reminder_count = models.PositiveSmallIntegerField(_("muistutuksia"), default=0, editable=False)
    opened_at = models.DateTimeField(_("avattu"), null=True, blank=True, editable=False)
    used_at = models.DateTimeField(_("vastattu"), null=True, blank=True, editable=False)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["collector", "email"]
        verbose_name = _("kutsu")
        verbose_name_plural = _("kutsut")
        constraints = [
            models.UniqueConstraint(
                fields=["collector", "email"],
                condition=~Q(email=""),
                name="invitation_once_per_collector",
                violation_error_message=_("Tälle osoitteelle on jo kutsu."),
            ),
        ]

    def __str__(self):
        return self.email or "–"

    def get_absolute_url(self):
        return reverse("surveys:invitation_answer", kwargs={"token": self.token})


class ResponseQuerySet(models.QuerySet):
    def counted(self):
        """What results count: completed, non-test responses."""
        return self.filter(is_test=False, completed_at__isnull=False)

    def tests(self):
        return self.filter(is_test=True)

    def editable_by(self, user):
        return self.filter(survey__in=Survey.objects.editable_by(user))


def responses_scope(survey_id: int) -> str:
    """The cache scope of one survey's responses (core.content_cache): every saved or
    deleted response retires it at commit (Response.content_scopes), and so does every
    change of responses in bulk (.update(), which sends no signal); the dashboard's cached
    figures are keyed on it (reports.survey_report.figures_stamp). No page shows it."""
    return f"survey-responses:{survey_id}"


class Response(models.Model):
    """One completed response. No IP address or user agent is stored."""

    # Responses retire no cached page: one arrives every few seconds while a survey runs,
    # and the published results it changes catch up within PAGE_CACHE_SECONDS. They retire
    # only their survey's own scope (content_scopes), which no page shows.
    page_cache_exempt = True

    survey = models.ForeignKey(
        Survey, on_delete=models.PROTECT, related_name="responses", verbose_name=_("kysely")
    )
    collector = models.ForeignKey(
        Collector,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responses",
        verbose_name=_("vastauskanava"),
    )
    project = models.ForeignKey(
        Project,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="survey_responses",
        verbose_name=_("hanke"),
    )
    # Only in a non-anonymous survey; an anonymous one keeps just Invitation.used_at.
    invitation = models.OneToOneField(
        Invitation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="response",
        verbose_name=_("kutsu"),
    )
    submission_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    is_test = models.BooleanField(_("testivastaus"), default=False)
    language = models.CharField(_("kieli"), max_length=2, default="fi")
    started_at = models.DateTimeField(_("aloitettu"), default=timezone.now)
    completed_at = models.DateTimeField(_("valmis"), null=True, blank=True)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["-completed_at", "pk"]
        verbose_name = _("vastaus")
        verbose_name_plural = _("vastaukset")
        indexes = [
            models.Index(fields=["survey", "is_test"]),
            # The newest counted response of a survey in one probe (the figures' stamp).
            models.Index(
                fields=["survey", "id"],
                condition=Q(is_test=False, completed_at__isnull=False),
                name="response_counted_newest",
            ),
        ]

    def __str__(self):
        return f"{self.survey} #{self.pk}"

    def content_scopes(self) -> tuple[str, ...]:
        """A response changes its survey's figures alone (responses_scope)."""
        return (responses_scope(self.survey_id),)


class Answer(models.Model):
    """One value: a Likert statement's value, one chosen choice, a text, a number or a project."""

    page_cache_exempt = True

    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers", verbose_name=_("vastaus")
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="answers", verbose_name=_("kysymys")
    )
    statement = models.ForeignKey(
        Statement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="answers",
        verbose_name=_("väittämä"),
    )
    value = models.PositiveSmallIntegerField(_("arvo"), null=True, blank=True)
    dont_know = models.BooleanField(_("en osaa sanoa"), default=False)
    choice = models.ForeignKey(
        Choice,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="answers",
        verbose_name=_("vaihtoehto"),
    )
    project = models.ForeignKey(
        Project,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="survey_answers",
        verbose_name=_("hanke"),
    )
    text = models.TextField(_("teksti"), blank=True)
    number = models.DecimalField(_("luku"), max_digits=14, decimal_places=4, null=True, blank=True)

    class Meta:
        verbose_name = _("vastauksen arvo")
        verbose_name_plural = _("vastauksen arvot")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "statement"],
                condition=Q(statement__isnull=False),
                name="answer_once_per_statement",
            ),
            models.UniqueConstraint(
                fields=["response", "choice"],
                condition=Q(choice__isnull=False),
                name="answer_once_per_choice",
            ),
            models.UniqueConstraint(
                fields=["response", "question"],
                condition=Q(statement__isnull=True, choice__isnull=True),
                name="answer_once_per_plain_question",
            ),
            models.CheckConstraint(
                condition=Q(dont_know=False) | Q(value__isnull=True),
                name="answer_dont_know_has_no_value",
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=1, value__lte=10),
                name="answer_value_on_scale",
            ),
        ]
        indexes = [models.Index(fields=["question", "statement", "value"])]

    def __str__(self):
        return f"{self.question_id}: {self.value or self.choice_id or self.text[:30]}"


class SavedDraft(models.Model):
    """Answers saved with "continue later"; found only through its private link.

    Deleted when its response is sent (and every one of an invitation when it answers),
    else after settings.SURVEYS_DRAFT_RETENTION_DAYS without a new save
    (services.saved_drafts_purge).
    """

    page_cache_exempt = True

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="saved_drafts", verbose_name=_("kysely")
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    data = models.JSONField(default=dict)
    # Where the respondent stopped and which way they came in, for the monitor's counts
    # of who stops where (a GROUP BY); nothing here says who they are.
    page = models.ForeignKey(
        Page, on_delete=models.SET_NULL, null=True, blank=True, related_name="saved_drafts"
    )
    collector = models.ForeignKey(
        Collector, on_delete=models.SET_NULL, null=True, blank=True, related_name="saved_drafts"
    )
    # The invitation it was started through, so that its answering deletes it (and erasing
    # the invitee too): no saved draft outlives its invitation's response.
    invitation = models.ForeignKey(
        "Invitation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="saved_drafts",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("keskeneräinen vastaus")
        verbose_name_plural = _("keskeneräiset vastaukset")

    def __str__(self):
        return f"{self.survey} ({self.updated_at:%Y-%m-%d})"


# Labels shown to respondents for the "don't know" option.
DONT_KNOW_LABEL = pgettext_lazy("survey", "En osaa sanoa")


class CodeQuerySet(models.QuerySet):
    def editable_by(self, user):
        """Network coordinators code open answers into themes."""
        return self if is_network_coordinator(user) else self.none()

    def with_counts(self):
        """The number of counted (completed, non-test) answers coded with each theme."""
        counted = Q(answers__response__is_test=False, answers__response__completed_at__isnull=False)
        return self.annotate(answer_count=Count("answers", filter=counted, distinct=True))


class Code(models.Model):
    """A theme that open answers of one question are coded into, e.g. "Aikatauluhaasteet, kiire".

    An answer may carry several themes; the count per theme is a GROUP BY (with_counts()).
    """

    page_cache_exempt = True  # coding changes no public page

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="codes", verbose_name=_("kysymys")
    )
    name = models.CharField(_("teema"), max_length=200)
    answers = models.ManyToManyField(
        Answer, blank=True, related_name="codes", verbose_name=_("vastaukset")
    )
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)

    objects = CodeQuerySet.as_manager()

    class Meta:
        ordering = ["question", "name", "pk"]
        verbose_name = _("teemakoodi")
        verbose_name_plural = _("teemakoodit")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "name"],
                name="code_name_unique_per_question",
                violation_error_message=_("Kysymyksellä on jo tämän niminen teema."),
            ),
        ]

    def __str__(self):
        return self.name
