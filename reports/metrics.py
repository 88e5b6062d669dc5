"""Network metrics: events and participants per project, theme and month, blog posts per
project, practices still in use one and two years after their project ended (the seed's
follow-up criterion).

Every figure is an aggregate query; a project coordinator sees the network totals and
the rows of their own projects.
"""

from django.db.models import Count
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from blog.models import Post
from events.models import Event
from practices.models import Practice

from .access import Scope
from .tables import Column, Table


def _event_columns(first: str) -> list[Column]:
    return [
        Column(first),
        Column(_("Tapahtumia"), "int"),
        Column(_("Ilmoittautuneita"), "int"),
        Column(_("Osallistuneita"), "int"),
    ]


def _measures(row) -> list:
    return [row["events"], row["registered"], row["attended"]]


def event_tables(scope: Scope) -> list[Table]:
    stats = Event.objects.participation_stats()
    by_project = Table(
        slug="events-by-project",
        title=_("Tapahtumat ja osallistujat hankkeittain"),
        columns=_event_columns(_("Hanke")),
        note=_("Tapahtuma voi kuulua usealle hankkeelle: se lasketaan jokaiselle."),
    )
    for row in stats["by_project"]:
        if row["project_id"] is None or not scope.may_see_project(row["project_id"]):
            continue
        by_project.rows.append([row["project"], *_measures(row)])
    by_theme = Table(
        slug="events-by-theme",
        title=_("Tapahtumat ja osallistujat teemoittain"),
        columns=_event_columns(_("Teema")),
        rows=[[f"{r['theme']}", *_measures(r)] for r in stats["by_theme"]],
    )
    by_month = Table(
        slug="events-by-month",
        title=_("Tapahtumat ja osallistujat kuukausittain"),
        columns=_event_columns(_("Kuukausi")),
        rows=[
            [date_format(r["month"], "YEAR_MONTH_FORMAT"), *_measures(r)] for r in stats["by_month"]
        ],
    )
    totals = [sum(r[i] for r in by_month.rows) for i in (1, 2, 3)]
    by_month.rows.append([_("Yhteensä"), *totals])
    return [by_project, by_theme, by_month]


def blog_table(scope: Scope) -> Table:
    posts = Post.objects.published()
    rows = posts.filter(projects__isnull=False).measured_per_project(
        {"n": Count("pk", distinct=True)}
    )
    table = Table(
        slug="blog-by-project",
        title=_("Blogikirjoitukset hankkeittain"),
        columns=[Column(_("Hanke")), Column(_("Kirjoituksia"), "int")],
    )
    for row in rows:
        if scope.may_see_project(row["project_id"]):
            table.rows.append([row["project"], row["n"]])
    table.rows.append([_("Koko verkosto"), posts.count()])
    return table


def _practice_columns(first: str) -> list[Column]:
    return [
        Column(first),
        Column(_("Toimintamalleja"), "int"),
        Column(_("Käytössä vuoden kuluttua"), "int"),
        Column(_("Käytössä kahden vuoden kuluttua"), "int"),
    ]


def practice_tables(scope: Scope) -> list[Table]:
    """Practices confirmed in use 1 and 2 years after their project ended."""
    stats = Practice.objects.published().in_use_after_project_end()
    note = _(
        "Toimintamalli lasketaan käytössä olevaksi, kun sen käyttö on vahvistettu "
        "seurannassa vähintään vuoden tai kahden vuoden kuluttua hankkeen päättymisestä."
    )
    by_project = Table(
        slug="practices-by-project",
        title=_("Toimintamallien käyttö hankkeen päätyttyä, hankkeittain"),
        columns=_practice_columns(_("Hanke")),
        note=note,
    )
    for row in stats["by_project"]:
        if row["project_id"] is not None and scope.may_see_project(row["project_id"]):
            by_project.rows.append(
                [row["project"], row["practices"], row["in_use_1y"], row["in_use_2y"]]
            )
    by_theme = Table(
        slug="practices-by-theme",
        title=_("Toimintamallien käyttö hankkeen päätyttyä, teemoittain"),
        columns=_practice_columns(_("Teema")),
        rows=[
            [r["theme"], r["practices"], r["in_use_1y"], r["in_use_2y"]] for r in stats["by_theme"]
        ],
        note=note,
    )
    return [by_project, by_theme]


def metric_tables(scope: Scope) -> list[Table]:
    return [*event_tables(scope), blog_table(scope), *practice_tables(scope)]
