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
    from projects import demo
    from projects.models import ContactPerson, Organisation, Project, Theme

    if not Project.objects.exists():
        demo.load()
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


def events(scale: int) -> str:
    _require("events", "Event")
    raise Absent("waiting for the events app: 2,000 × scale events (generator not written yet)")


def blog(scale: int) -> str:
    _require("blog", "Post")
    raise Absent("waiting for the blog app: 2,000 × scale posts (generator not written yet)")


def surveys(scale: int) -> str:
    _require("surveys", "Survey", "Response")
    raise Absent(
        "waiting for the surveys app: a survey with 100,000 × scale responses "
        "(generator not written yet)"
    )


@transaction.atomic
def practices(scale: int) -> str:
    """The demo practices, then 100 × scale more with two adoptions each (indexed on save)."""
    from datetime import date

    from projects import practice_demo
    from projects.models import Adoption, Organisation, Practice, Project, Theme
    if not Practice.objects.filter(slug_fi="kehittajaopiskelijamalli").exists():
        practice_demo.load()
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
