"""Network metrics: events and participants per project, theme and month, blog posts per
project (when the blog has its Post model), and panels registered by other apps
(reports.registry: the practices are added there at merge).

Every figure is an aggregate query; a project coordinator sees the network totals and
the rows of their own projects.
"""

from django.apps import apps
from django.db.models import Count
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from events.models import Event

from .access import Scope
from .registry import metrics_panels
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


def blog_post_model():
    """blog.Post when the blog app (built on another branch) provides it, else None."""
    if not apps.is_installed("blog"):
        return None
    try:
        return apps.get_model("blog", "Post")
    except LookupError:
        return None


def blog_table(scope: Scope) -> Table | None:
    post = blog_post_model()
    if post is None:
        return None
    names = {f.name for f in post._meta.get_fields()}
    project_field = "projects" if "projects" in names else "project" if "project" in names else None
    if project_field is None:
        return None
    posts = post.objects.all()
    if hasattr(posts, "published"):
        posts = posts.published()
    rows = (
        posts.filter(**{f"{project_field}__isnull": False})
        .values(f"{project_field}", f"{project_field}__name")
        .annotate(n=Count("pk", distinct=True))
        .order_by(f"{project_field}__name")
    )
    table = Table(
        slug="blog-by-project",
        title=_("Blogikirjoitukset hankkeittain"),
        columns=[Column(_("Hanke")), Column(_("Kirjoituksia"), "int")],
    )
    for row in rows:
        if scope.may_see_project(row[project_field]):
            table.rows.append([row[f"{project_field}__name"], row["n"]])
    table.rows.append([_("Koko verkosto"), posts.count()])
    return table


def metric_tables(scope: Scope) -> list[Table]:
    tables = event_tables(scope)
    blog = blog_table(scope)
    if blog is not None:
        tables.append(blog)
    tables.extend(metrics_panels(scope))
    return tables
