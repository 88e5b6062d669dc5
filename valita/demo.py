"""The demo content: data files of the apps, read and created here by `manage.py load_demo`.

The texts live in one TOML file per app (`projects/demo/projects.toml`, `events/demo/
events.toml`, `blog/demo/posts.toml`, `practices/demo/practices.toml`, `surveys/demo/
surveys.toml`, `reports/demo/reports.toml`), edited like content: Finnish and Swedish side
by side, each translated field as `<field>_fi` with its `<field>_sv`. An item in one
language only says so (`only = "fi"`). Keys are the model's fields; the few others (links
to other items, relative dates) are listed in `KINDS` below. Every file is checked before
anything is written: an unknown key or a missing Swedish text stops the load with a message
naming the file and the item.

Everything is created the way users' actions create it: model validation (full_clean) and
save as a form does, registrations through the registration service (so the waiting list
and the offered place are the service's), follow-up rounds and answers through the
follow-up services, the 2025 survey's responses through the response import, codes and
published results through the dashboard's services. Emails the services queue go to
example.org addresses. What a data file cannot say is code: the covers drawn by
blog/demo.py and the generated survey answers of surveys/demo.py.

Idempotent: items are found again by their Finnish slug (or email, number, name), and a
second run creates nothing new; dates relative to the day of loading are set again.
"""

import tomllib
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from modeltranslation.translator import NotRegistered, translator

from blog import demo as blog_drawing
from blog.models import Post
from blog.services import INTENT_SUBMIT, post_write
from core import versions
from core.roles import NETWORK_COORDINATOR_GROUP, OPH_GROUP
from events import services as event_services
from events.models import HELSINKI, Event, EventMaterial, Registration
from practices import services as practice_services
from practices.models import Adoption, FollowUpRound, Practice
from projects.models import ContactPerson, Membership, Organisation, Project, Theme
from reports import services as report_services
from reports.models import PublishedResult, Quote
from search.indexing import reindex
from surveys import demo as survey_answers
from surveys.importing import responses_import
from surveys.models import Answer, Choice, Collector, Condition, Page, Question, Statement, Survey
from surveys.services import survey_copy_as_next_round

DEMO_PASSWORD = "valita-demo"  # noqa: S105 - demo accounts only, listed in the README
BASE = Path(settings.BASE_DIR)
LANGUAGES = ("fi", "sv")
GROUPS = {"network": NETWORK_COORDINATOR_GROUP, "oph": OPH_GROUP}


class DemoDataError(ValueError):
    """A data file that cannot be loaded; the message names the file and the item."""


# --- Reading and checking the files -------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """What an item of a data file may hold: its model's fields and the loader's own keys."""

    model: type[models.Model] | None
    extra: frozenset = frozenset()
    nested: dict = field(default_factory=dict)

    def translated(self) -> tuple[str, ...]:
        if self.model is None:
            return ()
        try:
            return tuple(translator.get_options_for_model(self.model).all_fields)
        except NotRegistered:
            return ()

    def allowed(self) -> set[str]:
        translated = set(self.translated())
        names = set()
        for model_field in self.model._meta.concrete_fields if self.model else ():
            if model_field.primary_key or model_field.is_relation:
                continue
            if model_field.name in translated:
                continue  # only its _fi and _sv
            names.add(model_field.name)
        return names | set(self.extra) | set(self.nested) | {"only"}


def _kind(model, *extra, **nested) -> Kind:
    return Kind(model, frozenset(extra), nested)


KINDS = {
    "projects/demo/projects.toml": {
        "theme": _kind(Theme),
        "organisation": _kind(Organisation, "key"),
        "project": _kind(
            Project, "lead", "partners", "themes", "contacts", contacts=_kind(ContactPerson)
        ),
        "account": Kind(get_user_model(), frozenset({"group", "coordinates"})),
    },
    "events/demo/events.toml": {
        "participant": _kind(Registration, "key"),
        "event": _kind(
            Event,
            "days",
            "hour",
            "hours",
            "projects",
            "themes",
            "participants",
            "cancel",
            "attended",
            materials=_kind(EventMaterial),
        ),
    },
    "blog/demo/posts.toml": {
        "post": _kind(Post, "project", "themes", "days_ago", "author", "revised"),
    },
    "practices/demo/practices.toml": {
        "organisation": _kind(Organisation, "key"),
        "practice": _kind(
            Practice, "projects", "themes", adoptions=_kind(Adoption, "organisation")
        ),
        "follow_up": _kind(
            FollowUpRound,
            "started_days_ago",
            "closes_days_ago",
            "practices",
            "answers",
        ),
    },
    "surveys/demo/surveys.toml": {
        "survey": _kind(
            Survey,
            "responses",
            page=_kind(
                Page,
                "shown_when",
                question=_kind(
                    Question,
                    "key",
                    "answers",
                    choices=_kind(Choice),
                    statements=_kind(Statement, "weights"),
                ),
            ),
        ),
        "follow_up": _kind(Survey, "opened_days_ago", "closes_in_days"),
    },
    "reports/demo/reports.toml": {
        "coder": None,
        "question": _kind(None, "key", "quoted", "codes"),
        "published": _kind(None, "charts", "quotes"),
    },
}


def _label(kind_name: str, index: int, item: dict) -> str:
    for key in ("slug_fi", "key", "number", "email", "title", "title_fi", "text_fi", "name_fi"):
        if item.get(key) not in (None, ""):
            return f'{kind_name} {index + 1} ("{item[key]}")'
    for key in ("slug_sv", "title_sv", "text_sv", "name"):
        if item.get(key):
            return f'{kind_name} {index + 1} ("{item[key]}")'
    return f"{kind_name} {index + 1}"


def check_item(path: str, label: str, kind: Kind, item: dict) -> None:
    """An unknown key or a Finnish text without its Swedish one (or the other way) fails."""
    unknown = sorted(set(item) - kind.allowed())
    if unknown:
        raise DemoDataError(f"{path}: {label}: unknown key {', '.join(unknown)}")
    only = item.get("only")
    if only not in (None, *LANGUAGES):
        raise DemoDataError(f'{path}: {label}: only must be "fi" or "sv", not {only!r}')
    for name in kind.translated():
        given = {code: item.get(f"{name}_{code}") for code in LANGUAGES}
        for code, other in (("fi", "sv"), ("sv", "fi")):
            if given[code] and f"{name}_{other}" not in item and only != code:
                language = "Swedish" if other == "sv" else "Finnish"
                raise DemoDataError(
                    f"{path}: {label}: {name}_{other} missing ({language} of {name}_{code}; "
                    f'write it, or mark the item only = "{code}")'
                )
    for key, nested in kind.nested.items():
        value = item.get(key, [])
        for index, child in enumerate(value if isinstance(value, list) else [value]):
            check_item(path, f"{label}, {_label(key, index, child)}", nested, child)


def read(path: str, base: Path | None = None) -> dict:
    """A checked data file (path relative to the project, or to `base`)."""
    try:
        with open((base or BASE) / path, "rb") as file:
            data = tomllib.load(file)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise DemoDataError(f"{path}: {error}") from error
    kinds = KINDS[path]
    unknown = sorted(set(data) - set(kinds))
    if unknown:
        raise DemoDataError(f"{path}: unknown key {', '.join(unknown)}")
    for kind_name, kind in kinds.items():
        if kind is None or kind_name not in data:
            continue
        value = data[kind_name]
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            check_item(path, _label(kind_name, index, item), kind, item)
    return data


# --- Creating ------------------------------------------------------------------------------


def _fields(item: dict, kind: Kind) -> dict:
    """The item's model fields (loader keys left out)."""
    loader_keys = set(kind.extra) | set(kind.nested) | {"only"}
    return {key: value for key, value in item.items() if key not in loader_keys}


def _save(obj: models.Model, values: dict, *, exclude=None) -> models.Model:
    """Set the values, validate as a form does, save."""
    for name, value in values.items():
        setattr(obj, name, value)
    obj.full_clean(exclude=exclude)
    obj.save()
    return obj


def _upsert(model, lookup: dict, values: dict, **options) -> models.Model:
    obj = model.objects.filter(**lookup).first() or model(**lookup)
    return _save(obj, values, **options)


def _days_from_today(days: int, hour: int) -> datetime:
    day = timezone.localdate(timezone=HELSINKI) + timedelta(days=days)
    return datetime.combine(day, time(hour), tzinfo=HELSINKI)


def _themes() -> dict[int, Theme]:
    return {theme.number: theme for theme in Theme.objects.all()}


def _projects() -> dict[str, Project]:
    return {project.slug_fi: project for project in Project.objects.all()}


def _organisations(items: list[dict]) -> dict[str, Organisation]:
    kind = KINDS["projects/demo/projects.toml"]["organisation"]
    return {
        item["key"]: _upsert(Organisation, {"name_fi": item["name_fi"]}, _fields(item, kind))
        for item in items
    }


def load_projects() -> list[Project]:
    path = "projects/demo/projects.toml"
    data, kinds = read(path), KINDS[path]
    for item in data["theme"]:
        _upsert(Theme, {"number": item["number"]}, _fields(item, kinds["theme"]))
    themes = _themes()
    organisations = _organisations(data["organisation"])
    projects = []
    for item in data["project"]:
        values = _fields(item, kinds["project"])
        values["lead_organisation"] = organisations[item["lead"]]
        logo = values.pop("logo", "")
        project = Project.objects.filter(slug_fi=item["slug_fi"]).first() or Project()
        if logo and not project.logo:
            content = (BASE / "projects/demo" / logo).read_bytes()
            values["logo"] = ContentFile(content, name=Path(logo).name)
        project = _save(project, values)
        project.themes.set([themes[number] for number in item["themes"]])
        project.partner_organisations.set([organisations[k] for k in item.get("partners", [])])
        for order, contact in enumerate(item.get("contacts", [])):
            _upsert(ContactPerson, {"project": project, "order": order}, contact)
        projects.append(project)
    _accounts(data["account"])
    return projects


def _accounts(items: list[dict]) -> None:
    User = get_user_model()  # noqa: N806
    for item in items:
        flags = {key: item[key] for key in ("is_superuser", "is_staff") if key in item}
        user, created = User.objects.get_or_create(
            email=item["email"], defaults={"first_name": item["first_name"], **flags}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        if "group" in item:
            user.groups.add(Group.objects.get_or_create(name=GROUPS[item["group"]])[0])
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        for slug in item.get("coordinates", []):
            Membership.objects.get_or_create(user=user, project=Project.objects.get(slug_fi=slug))


def load_events() -> list[Event]:
    path = "events/demo/events.toml"
    data, kinds = read(path), KINDS[path]
    people = {item["key"]: item for item in data["participant"]}
    projects, themes = _projects(), _themes()
    events = []
    for item in data["event"]:
        values = _fields(item, kinds["event"])
        starts_at = _days_from_today(item["days"], item["hour"])
        values.update(starts_at=starts_at, ends_at=starts_at + timedelta(hours=item["hours"]))
        values.setdefault("status", Event.Status.PUBLISHED)
        event = _upsert(Event, {"slug_fi": item["slug_fi"]}, values)
        event.projects.set([projects[slug] for slug in item["projects"]])
        event.themes.set([themes[number] for number in item["themes"]])
        for order, material in enumerate(item.get("materials", [])):
            _upsert(EventMaterial, {"event": event, "order": order}, material)
        _registrations(event, item, people)
        events.append(event)
    return events


def _registrations(event: Event, item: dict, people: dict) -> None:
    """Register, cancel and mark attendance as visitors and coordinators do."""
    # A past event took its registrations two weeks before it started; an upcoming one
    # takes them now, so that its offers are open (the workspace lists those expiring).
    now = timezone.now()
    when = now if event.starts_at > now else event.starts_at - timedelta(days=14)
    for key in item.get("participants", []):
        person = people[key]
        if event.registrations.filter(email=person["email"]).exists():
            continue
        event_services.registration_create(
            event=event,
            name=person["name"],
            email=person["email"],
            language=person["language"],
            consent=True,
            mode=event.modes()[0],
            now=when,
        )
    for key in item.get("cancel", []):
        registration = event.registrations.get(email=people[key]["email"])
        event_services.registration_cancel(registration=registration, now=when)
    if item["days"] < 0:
        attended = {people[key]["email"] for key in item.get("attended", [])}
        for registration in event.registrations.filter(status=Registration.Status.CONFIRMED):
            event_services.attendance_mark(
                registration=registration, attended=registration.email in attended
            )


def load_posts() -> list[Post]:
    path = "blog/demo/posts.toml"
    data, kind = read(path), KINDS[path]["post"]
    User = get_user_model()  # noqa: N806
    projects, themes = _projects(), _themes()
    now = timezone.now().replace(second=0, microsecond=0)
    posts = []
    for item in data["post"]:
        values = _fields(item, kind)
        values["author"] = User.objects.filter(email=item["author"]).first()
        values["publish_at"] = now - timedelta(days=item["days_ago"])
        key = "slug_fi" if item.get("slug_fi") else "slug_sv"
        post = Post.objects.filter(**{key: item[key]}).first() or Post()
        if post.status == Post.Status.REVIEW:
            posts.append(post)  # sent for review on an earlier load: left as it waits
            continue
        if not post.cover_image:
            seed = item[key]
            values["cover_image"] = ContentFile(blog_drawing.cover_image(seed), name=f"{seed}.jpg")
        post = _save(post, values)
        post.projects.set([projects[item["project"]]])
        post.themes.set([themes[number] for number in item["themes"]])
        if "revised" in item:
            post = _submit_revision(post, item["revised"])
        posts.append(post)
    return posts


def _submit_revision(post: Post, revised: dict) -> Post:
    """The author edits a published post of a project whose posts need approval and sends
    it for review, as in the workspace: a version before and after, a network coordinator
    sees the difference (blog.services.post_write)."""
    with versions.revision(post.author):
        post.save()  # the published version the reviewer compares with
    for name, value in revised.items():
        setattr(post, name, value)
    post.full_clean()
    with versions.revision(post.author):
        return post_write(
            post=post,
            user=post.author,
            projects=list(post.projects.all()),
            themes=list(post.themes.all()),
            intent=INTENT_SUBMIT,
        )


def load_practices() -> list[Practice]:
    path = "practices/demo/practices.toml"
    data, kinds = read(path), KINDS[path]
    organisations = _organisations(data["organisation"])
    projects, themes = _projects(), _themes()
    practices = []
    for item in data["practice"]:
        practice = _upsert(Practice, {"slug_fi": item["slug_fi"]}, _fields(item, kinds["practice"]))
        practice.projects.set([projects[slug] for slug in item["projects"]])
        practice.themes.set([themes[number] for number in item["themes"]])
        for adoption in item.get("adoptions", []):
            organisation = organisations[adoption["organisation"]]
            values = {k: v for k, v in adoption.items() if k != "organisation"}
            existing = Adoption.objects.filter(practice=practice, organisation=organisation)
            if not existing.exists():  # a follow-up answer may have changed it since
                _save(Adoption(practice=practice, organisation=organisation), values)
        practices.append(practice)
    if "follow_up" in data:
        _follow_up(data["follow_up"], organisations)
    return practices


def _follow_up(item: dict, organisations: dict[str, Organisation]) -> None:
    """A finished round: started and answered in the past by the services."""
    if FollowUpRound.objects.filter(title=item["title"]).exists():
        return
    now = timezone.now()
    round = practice_services.followup_round_start(
        title=item["title"],
        practices=Practice.objects.filter(slug_fi__in=item["practices"]),
        closes_at=now - timedelta(days=item["closes_days_ago"]),
        months_after=item["months_after"],
        now=now - timedelta(days=item["started_days_ago"]),
    )
    for answer in item["answers"]:
        request = round.requests.get(
            adoption__practice__slug_fi=answer["practice"],
            adoption__organisation=organisations[answer["organisation"]],
        )
        practice_services.followup_answer(
            request=request,
            answer=answer["answer"],
            comment=answer.get("comment", ""),
            now=now - timedelta(days=answer["days_ago"]),
        )


def load_surveys() -> Survey:
    path = "surveys/demo/surveys.toml"
    data, kinds = read(path), KINDS[path]
    item = data["survey"]
    survey = _upsert(Survey, {"slug_fi": item["slug_fi"]}, _fields(item, kinds["survey"]))
    Collector.objects.get_or_create(survey=survey, kind=Collector.Kind.PUBLIC)
    for project in Project.objects.network().order_by("name"):
        Collector.objects.get_or_create(survey=survey, kind=Collector.Kind.PROJECT, project=project)
    if not survey.pages.exists():
        _questionnaire(survey, item["page"], kinds["survey"].nested["page"])
    if not survey.responses.exists():
        _import_responses(survey, item)
    _next_round(survey, data["follow_up"], kinds["follow_up"])
    return survey


def _questionnaire(survey: Survey, pages: list[dict], kind: Kind) -> dict[str, Question]:
    """Pages, questions, choices, statements and conditions, as the builder saves them."""
    question_kind = kind.nested["question"]
    questions = {}
    for page_order, page_item in enumerate(pages, 1):
        page = _save(Page(survey=survey, order=page_order), _fields(page_item, kind))
        for order, item in enumerate(page_item.get("question", []), 1):
            question = _save(
                Question(survey=survey, page=page, order=order), _fields(item, question_kind)
            )
            for number, choice in enumerate(item.get("choices", []), 1):
                _save(Choice(question=question, order=number), choice)
            for number, statement in enumerate(item.get("statements", []), 1):
                values = {k: v for k, v in statement.items() if k != "weights"}
                _save(Statement(question=question, order=number), values)
            questions[item["key"]] = question
        if shown_when := page_item.get("shown_when"):
            source = questions[shown_when["question"]]
            condition = Condition.objects.create(
                page=page, source=source, operator=Condition.Operator.CHOICE_IN
            )
            choices = list(source.choices.order_by("order"))
            condition.choices.set([choices[number - 1] for number in shown_when["choices"]])
    return questions


def _import_responses(survey: Survey, item: dict) -> None:
    """The responses as an export of the tool the survey ran in, through the import."""
    content = survey_answers.responses_xlsx(survey, item)
    report = responses_import(
        survey=survey, content=content, filename=f"{survey.slug_fi}.xlsx", dry_run=False
    )
    if not report.ok:
        raise DemoDataError(f"surveys/demo/surveys.toml: survey responses: {report.errors[:3]}")


def _next_round(survey: Survey, item: dict, kind: Kind) -> Survey:
    """The open follow-up round, copied question by question as a coordinator copies it."""
    follow_up = Survey.objects.filter(series=survey.series, round=survey.round + 1).first()
    if follow_up is None:
        follow_up = survey_copy_as_next_round(survey)
    now = timezone.now()
    values = _fields(item, kind)
    values.update(
        status=Survey.Status.OPEN,
        opens_at=now - timedelta(days=item["opened_days_ago"]),
        closes_at=now + timedelta(days=item["closes_in_days"]),
        is_listed=True,
    )
    _save(follow_up, values)
    Collector.objects.get_or_create(survey=follow_up, kind=Collector.Kind.PUBLIC)
    return follow_up


def load_results() -> None:
    path = "reports/demo/reports.toml"
    data = read(path)
    survey_data = read("surveys/demo/surveys.toml")["survey"]
    survey = Survey.objects.get(slug_fi=survey_data["slug_fi"])
    user = get_user_model().objects.get(email=data["coder"])
    questions = {
        item["key"]: (item, Question.objects.get(survey=survey, text_fi=item["text_fi"]))
        for page in survey_data["page"]
        for item in page.get("question", [])
    }
    quotes = {}
    for item in data["question"]:
        question_item, question = questions[item["key"]]
        codes = [
            (report_services.code_create(user=user, question=question, name=code["name"]), code)
            for code in item["codes"]
        ]
        answers = list(Answer.objects.filter(question=question).order_by("pk"))
        quoted = question_item["answers"][: item["quoted"]]
        first_with_text = {}
        for answer in answers:
            first_with_text.setdefault(answer.text, answer)
        quote_ids = {first_with_text[text].pk for text in quoted if text in first_with_text}
        for answer in answers:
            text = answer.text.lower()
            report_services.answer_code(
                user=user,
                answer=answer,
                codes=[code for code, spec in codes if any(w in text for w in spec["words"])],
                quote=answer.pk in quote_ids,
            )
        for number, text in enumerate(quoted, 1):
            if text in first_with_text:
                quotes[(item["key"], number)] = Quote.objects.get(answer=first_with_text[text])
    published = data["published"]
    for key in published["charts"]:
        question = questions[key][1]
        if not PublishedResult.objects.filter(question=question).exists():
            report_services.publish_toggle(user=user, survey=survey, question=question)
    for spec in published["quotes"]:
        quote = quotes.get((spec["question"], spec["quote"]))
        if quote is not None and not PublishedResult.objects.filter(quote=quote).exists():
            report_services.publish_toggle(user=user, survey=survey, quote=quote)


def load_search() -> int:
    """The content was indexed on save; a full pass also covers anything saved raw."""
    return reindex()


# In dependency order; search last, as it indexes what the others created.
SECTIONS = {
    "projects": load_projects,
    "events": load_events,
    "blog": load_posts,
    "practices": load_practices,
    "surveys": load_surveys,
    "reports": load_results,
    "search": load_search,
}


def check_files() -> None:
    """Read and check every data file (nothing written)."""
    for path in KINDS:
        read(path)


def load(*sections: str, report=None) -> None:
    """Load the named sections (all by default), in one transaction, after checking every
    file: a file that fails leaves the database as it was."""
    check_files()
    with transaction.atomic():
        for name, loader in SECTIONS.items():
            if sections and name not in sections:
                continue
            loader()
            if report:
                report(name)
