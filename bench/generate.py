"""Bench data at a scale. One generator per app; an app that has not landed is a
printed, reported note, never a silent skip.

Scale 1 (the default) is the real network: nine projects with their themes and
organisations, and (when the apps land) 2,000 events, 2,000 posts and a survey
with 100,000 responses. `generate(scale)` is cumulative: calling it with a
larger scale adds the difference, so the query counts can be taken at 1 and at
10 on the same database.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction


class Absent(Exception):
    """The app this generator fills has not landed yet."""


@dataclass(frozen=True)
class Generator:
    name: str
    app_label: str
    generate: Callable[[int], str]  # returns a one-line summary


def _require(app_label: str, *models: str):
    if not apps.is_installed(app_label):
        raise Absent(f"app {app_label} is not installed")
    try:
        return [apps.get_model(app_label, m) for m in models]
    except LookupError as error:
        raise Absent(f"the {app_label} app has no model {models} yet") from error


@transaction.atomic
def projects(scale: int) -> str:
    """The real nine projects (demo content), then 9 × (scale − 1) more with partners."""
    from projects.models import ContactPerson, Organisation, Project, Theme
    from valita import demo

    if not Project.objects.exists():
        demo.load_projects()
    themes = list(Theme.objects.all())
    wanted = 9 * scale
    have = Project.objects.network().count()
    rng = random.Random(have)
    for n in range(have, wanted):
        lead = Organisation.objects.create(name_fi=f"Bench-oppilaitos {n}", municipality="Tampere")
        project = Project.objects.create(
            name_fi=f"Bench-hanke {n}",
            name_sv=f"Bench-projekt {n}",
            short_name_fi=f"B{n}",
            slug_fi=f"bench-hanke-{n}",
            slug_sv=f"bench-projekt-{n}",
            summary_fi="Kuormitustestin hanke, jolla on tavallisen hankkeen tiedot.",
            summary_sv="Ett projekt för belastningstestet.",
            description_fi="<p>Kuvaus kuormitustestiä varten.</p>",
            lead_organisation=lead,
            goals="Tavoite yksi\nTavoite kaksi",
        )
        partners = Organisation.objects.bulk_create(
            Organisation(name_fi=f"Bench-kumppani {n}.{i}", municipality="Turku") for i in range(3)
        )
        project.partner_organisations.set(partners)
        project.themes.set(rng.sample(themes, k=min(2, len(themes))))
        ContactPerson.objects.bulk_create(
            ContactPerson(project=project, name=f"Yhteyshenkilö {n}.{i}", order=i) for i in range(2)
        )
    return (
        f"{Project.objects.network().count()} network projects, {Theme.objects.count()} themes, "
        f"{Organisation.objects.count()} organisations"
    )


@transaction.atomic
def events(scale: int) -> str:
    """2,000 × scale published events over three years around today, half of them with
    registrations, each with its projects and themes."""
    from datetime import timedelta

    from django.utils import timezone

    from events.models import Event, Registration
    from projects.models import Project, Theme

    _require("events", "Event")
    wanted = 2000 * scale
    have = Event.objects.count()
    if have >= wanted:
        return f"{have} events"
    rng = random.Random(have)
    projects = list(Project.objects.values_list("pk", flat=True))
    themes = list(Theme.objects.values_list("pk", flat=True))
    formats = [choice for choice, _label in Event.Format.choices]
    now = timezone.now()
    new = []
    for n in range(have, wanted):
        starts = now + timedelta(days=rng.randint(-730, 365), hours=rng.randint(8, 16))
        new.append(
            Event(
                title_fi=f"Bench-tapahtuma {n}",
                title_sv=f"Bench-evenemang {n}",
                slug_fi=f"bench-tapahtuma-{n}",
                slug_sv=f"bench-evenemang-{n}",
                description_fi="<p>Tapahtuman kuvaus kuormitustestiä varten.</p>",
                venue_fi="Ammattiopisto",
                starts_at=starts,
                ends_at=starts + timedelta(hours=3),
                format=rng.choice(formats),
                status=Event.Status.PUBLISHED,
                registration_enabled=n % 2 == 0,
                capacity_in_person=30,
            )
        )
    created = Event.objects.bulk_create(new, batch_size=500)
    Event.projects.through.objects.bulk_create(
        [Event.projects.through(event_id=e.pk, project_id=rng.choice(projects)) for e in created],
        batch_size=1000,
    )
    Event.themes.through.objects.bulk_create(
        [Event.themes.through(event_id=e.pk, theme_id=rng.choice(themes)) for e in created],
        batch_size=1000,
    )
    Registration.objects.bulk_create(
        [
            Registration(
                event=e,
                name=f"Osallistuja {e.pk}.{i}",
                email=f"osallistuja{e.pk}.{i}@example.org",
                consent=True,
                status=Registration.Status.CONFIRMED,
                attended=(i % 3 != 0) if e.starts_at < now else None,
            )
            for e in created
            if e.registration_enabled
            for i in range(5)
        ],
        batch_size=2000,
    )
    return f"{Event.objects.count()} events, {Registration.objects.count()} registrations"


@transaction.atomic
def blog(scale: int) -> str:
    """2,000 × scale published posts over the projects and themes (no covers: bulk rows)."""
    from datetime import timedelta

    from django.utils import timezone

    (post_model,) = _require("blog", "Post")
    from projects.models import Project, Theme

    project_ids = list(Project.objects.values_list("pk", flat=True))
    theme_ids = list(Theme.objects.values_list("pk", flat=True))
    have = post_model.objects.count()
    rng = random.Random(have)
    now = timezone.now()
    for start in range(have, 2000 * scale, 500):
        batch = post_model.objects.bulk_create(
            post_model(
                title=f"Kuormitustestin kirjoitus {n}",
                title_fi=f"Kuormitustestin kirjoitus {n}",
                title_sv=f"Inlägg för belastningstestet {n}" if n % 4 else "",
                slug=f"bench-{n}",
                slug_fi=f"bench-{n}",
                slug_sv=f"bench-sv-{n}",
                lead_fi="Lyhyt ingressi.",
                lead_sv="Kort ingress." if n % 4 else "",
                body_fi="<p>Kirjoituksen teksti kuormitustestiä varten.</p>",
                status="published",
                publish_at=now - timedelta(hours=n),
            )
            for n in range(start, min(start + 500, 2000 * scale))
        )
        post_model.projects.through.objects.bulk_create(
            post_model.projects.through(post_id=post.pk, project_id=rng.choice(project_ids))
            for post in batch
        )
        post_model.themes.through.objects.bulk_create(
            post_model.themes.through(post_id=post.pk, theme_id=rng.choice(theme_ids))
            for post in batch
        )
    return f"{post_model.objects.count()} posts"


# Responses of the bench survey. Not multiplied by the scale: the survey and dashboard
# pages aggregate in the database, and reports/tests prove their query counts do not
# depend on the number of responses; a million rows would only lengthen the run.
SURVEY_RESPONSES = 100_000


def surveys(scale: int) -> str:
    """One open one-page survey (seven Likert statements, a background choice, an open
    question) with SURVEY_RESPONSES completed responses over the nine projects."""
    _require("surveys", "Survey", "Response")
    from .reports_ratio import bench_survey

    survey = bench_survey(responses=SURVEY_RESPONSES, status="open")
    return f"survey {survey.slug!r} (open): {survey.responses.count()} responses"


@transaction.atomic
def practices(scale: int) -> str:
    """The demo practices, then 100 × scale more with two adoptions each (indexed on save)."""
    from datetime import date

    from practices.models import Adoption, Practice
    from projects.models import Organisation, Project, Theme
    from valita import demo

    if not Practice.objects.filter(slug_fi="kehittajaopiskelijamalli").exists():
        demo.load_practices()
    projects = list(Project.objects.network()[:9])
    themes = list(Theme.objects.all())
    organisations = list(Organisation.objects.all()[:20])
    have = Practice.objects.filter(slug_fi__startswith="bench-malli-").count()
    for n in range(have, 100 * scale):
        practice = Practice.objects.create(
            title_fi=f"Bench-malli {n}: opiskelijoiden osallisuus",
            title_sv=f"Bench-modell {n}: studerandes delaktighet",
            slug_fi=f"bench-malli-{n}",
            slug_sv=f"bench-modell-{n}",
            summary_fi="Kuormitustestin toimintamalli, jolla on tavallisen mallin tiedot.",
            summary_sv="En verksamhetsmodell för belastningstestet.",
            steps_fi="Sovi tavoitteet\nKokeile\nArvioi",
            is_published=True,
        )
        practice.projects.set([projects[n % len(projects)]])
        practice.themes.set([themes[n % len(themes)]])
        for organisation in (organisations[n % 20], organisations[(n + 7) % 20]):
            Adoption.objects.get_or_create(
                practice=practice, organisation=organisation, defaults={"since": date(2025, 1, 1)}
            )
    return f"{Practice.objects.count()} practices, {Adoption.objects.count()} adoptions"


GENERATORS = [
    Generator("projects, themes, organisations", "projects", projects),
    Generator("events", "events", events),
    Generator("blog posts", "blog", blog),
    Generator("survey responses", "surveys", surveys),
    Generator("practices and adoptions", "projects", practices),
]


def generate(scale: int, log=print) -> dict[str, str]:
    """Run every generator; {name: summary or 'WAITING: reason'}."""
    done = {}
    for generator in GENERATORS:
        try:
            done[generator.name] = generator.generate(scale)
            log(f"  data: {generator.name}: {done[generator.name]}")
        except Absent as reason:
            done[generator.name] = f"WAITING: {reason}"
            log(f"  data: {generator.name}: NOT GENERATED - {reason}")
    return done
