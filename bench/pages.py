"""The pages `make bench` loads. Adding a page is ONE line in PAGES.

A resolver returns the page's path (e.g. "/fi/tapahtumat/") from the bench
database, or raises Waiting when its app has not landed yet; the run then prints
and reports the page as waiting (never skipped silently). Use `url("app:name")`
for a fixed page and `first("app.Model", **filters)` for an object's page.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation


class Waiting(Exception):
    """The page cannot be measured yet (its app or URL is missing)."""


@dataclass(frozen=True)
class Page:
    name: str
    resolve: Callable[[], str]
    public: bool = True  # anonymous; False: signed-in pages (the dashboard)
    whole_page_cached: bool = True  # False: never cached whole (a respondent's own draft)


def url(name: str, **kwargs) -> Callable[[], str]:
    def resolve() -> str:
        with translation.override("fi"):
            try:
                return reverse(name, kwargs=kwargs or None)
            except NoReverseMatch as error:
                raise Waiting(f"URL {name!r} is not routed yet") from error

    return resolve


def first(model: str, order_by: str = "pk", **filters) -> Callable[[], str]:
    """The page of the first matching object (get_absolute_url, in Finnish)."""

    def resolve() -> str:
        try:
            model_class = apps.get_model(model)
        except LookupError as error:
            raise Waiting(f"model {model} does not exist yet") from error
        obj = model_class._default_manager.filter(**filters).order_by(order_by).first()
        if obj is None:
            raise Waiting(f"no {model} in the bench data (its generator is missing)")
        with translation.override("fi"):
            try:
                return obj.get_absolute_url()
            except NoReverseMatch as error:
                raise Waiting(f"{model}.get_absolute_url() is not routed yet") from error

    return resolve


PAGES: list[Page] = [
    Page("home", url("home")),
    Page("project list", url("projects:project_list")),
    Page("project page", first("projects.Project", kind="network", is_published=True)),
    Page("theme page", first("projects.Theme", order_by="number")),
    Page("events list", url("events:event_list")),
    # The same event at ×1 and ×10 (growth adds events with higher ids): an upcoming one
    # with its registration form, the page's heaviest shape.
    Page(
        "event page",
        first(
            "events.Event",
            registration_enabled=True,
            starts_at__gt=timezone.now() + timedelta(days=30),
        ),
    ),
    Page("blog index", url("blog:post_list")),
    Page("blog post", first("blog.Post", order_by="-pk")),
    Page("practice list", url("practices:practice_list")),
    Page("practice page", first("practices.Practice", is_published=True)),
    Page("search", lambda: url("search:search")() + "?q=opiskelijat"),
    Page("published results", url("reports:published")),
    # Never cached: a respondent's page carries their signed draft.
    Page("survey page", first("surveys.Survey", order_by="pk"), whole_page_cached=False),
    # Signed in (an OPH viewer): the dashboard and the 100,000-response survey's results.
    Page("dashboard", url("reports:dashboard"), public=False),
    Page("survey results", lambda: survey_results_path(), public=False),
]


def survey_results_path() -> str:
    survey = apps.get_model("surveys", "Survey")._default_manager.order_by("pk").first()
    if survey is None:
        raise Waiting("no survey in the bench data")
    with translation.override("fi"):
        return reverse("reports:survey", kwargs={"slug": survey.slug})


BASELINE_PATH = "/bench/hello"
