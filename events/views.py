from functools import partial
from itertools import groupby

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_safe,
)

from core import ratelimit
from core.content_cache import deferred, shared_with_visitors, shows, shows_object
from core.files import file_response
from core.query_params import reads_query
from core.translation_utils import current_language, get_by_slug
from projects.models import Project, Theme

from . import services
from .emails import registration_from_signature
from .forms import EventFilterForm, RegistrationForm
from .ics import build_calendar, event_calendar
from .jsonld import event_jsonld
from .models import Event, EventMaterial, Registration, event_scope

PAST_PER_PAGE = 20
UPCOMING_PER_PAGE = 30


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _event_list_content(request) -> dict:
    """The list's data: queried only when its shared fragments are rendered."""
    themes = list(Theme.objects.all())
    projects = list(Project.objects.published())
    form = EventFilterForm(request.GET or None, themes=themes, projects=projects)
    events = form.filter(Event.objects.published()).for_cards()
    upcoming_page = Paginator(events.upcoming(), UPCOMING_PER_PAGE).get_page(
        request.GET.get("tulevat")
    )
    months = [
        (month, list(items))
        for month, items in groupby(
            upcoming_page.object_list, key=lambda e: e.local_start.date().replace(day=1)
        )
    ]
    materials = Prefetch("materials", to_attr="listed_materials")
    past = Paginator(events.past().prefetch_related(materials), PAST_PER_PAGE)
    return {
        "form": form,
        "months": months,
        "upcoming_page": upcoming_page,
        "past_page": past.get_page(request.GET.get("sivu")),
        "feed_url": _feed_url(form),
    }


EVENT_LIST_NAMES = ("form", "months", "upcoming_page", "past_page", "feed_url")


@require_GET
@shows("events")
@reads_query(*EventFilterForm.base_fields, "tulevat", "sivu")
def event_list(request):
    content = deferred(partial(_event_list_content, request), *EVENT_LIST_NAMES)
    return render(request, "events/event_list.html", content)


def _feed_url(form: EventFilterForm) -> str:
    if form.selected_project:
        return reverse("events:project_feed", kwargs={"slug": form.selected_project.slug})
    if form.selected_theme:
        return reverse("events:theme_feed", kwargs={"slug": form.selected_theme.slug})
    return reverse("events:feed")


@require_GET
@shows("events")
def event_detail(request, slug):
    event = shared_with_visitors(
        request,
        ("event-page", slug),
        "events",
        lambda: get_by_slug(
            Event.objects.visible_to(request.user).prefetch_related(
                "projects", "themes", "materials"
            ),
            slug,
        )[0],
    )
    wrong_slug = event.slug != slug  # per request: the slug follows the language
    if wrong_slug:
        return redirect(event, permanent=True)
    shows_object(request, event_scope(event.pk))  # its places change with each registration
    may_edit = (
        Event.objects.editable_by(request.user).filter(pk=event.pk).exists()
        if (request.user.is_authenticated)
        else False
    )

    context = {"object": event, "event": event, "may_edit": may_edit, **event_page_data(event)}
    return render(request, "events/event_detail.html", context)


def event_page_data(event) -> dict:
    """The event page's figures, queried only when its `{% cache %}` fragments are rendered
    (the public page, and the workspace's preview of it)."""

    def build() -> dict:
        places = services.place_counts(event) if event.registration_enabled else {}
        return {
            "jsonld": event_jsonld(event, places),
            "places": places,
            "closed_reason": event.registration_closed_reason(),
        }

    return deferred(build, "jsonld", "places", "closed_reason")


@require_safe
def material_download(request, pk):
    """A material file as a download (never shown as a page), while its event is visible."""
    material = get_object_or_404(
        EventMaterial.objects.filter(event__in=Event.objects.visible_to(request.user)), pk=pk
    )
    if not material.file:
        raise Http404
    return file_response(material.file, filename=material.download_name)


@require_GET
def event_ics(request, slug):
    event, wrong_slug = get_by_slug(Event.objects.published(), slug)
    if wrong_slug:
        return redirect("events:event_ics", slug=event.slug, permanent=True)
    return _ics_response(event_calendar(event, current_language()), f"{event.slug}.ics")


@require_GET
def feed(request):
    events = Event.objects.published().order_by("starts_at", "pk")
    name = "Välitä! – " + _("Tapahtumat")
    return _ics_response(build_calendar(events, current_language(), name=name), "valita.ics")


@require_GET
def project_feed(request, slug):
    project = get_object_or_404(Project.objects.published().by_slug(slug)[:1])
    events = Event.objects.published().with_project(project).order_by("starts_at", "pk")
    content = build_calendar(
        events, current_language(), name=f"{project.name} – " + _("Tapahtumat")
    )
    return _ics_response(content, f"{project.slug}.ics")


@require_GET
def theme_feed(request, slug):
    theme = get_object_or_404(Theme.objects.by_slug(slug)[:1])
    events = Event.objects.published().with_theme(theme).order_by("starts_at", "pk")
    content = build_calendar(events, current_language(), name=f"{theme.name} – " + _("Tapahtumat"))
    return _ics_response(content, f"{theme.slug}.ics")


@require_http_methods(["GET", "POST"])
def register(request, slug):
    event, wrong_slug = get_by_slug(Event.objects.published(), slug)
    if wrong_slug:
        return redirect("events:register", slug=event.slug, permanent=True)
    closed_reason = event.registration_closed_reason()
    form = RegistrationForm(request.POST or None, event=event)
    status = 200
    if request.method == "POST" and not ratelimit.allow(
        request, "event-register", limit=settings.EVENTS_REGISTRATIONS_PER_HOUR, period=3600
    ):
        form.is_valid()
        form.add_error(
            None, _("Liian monta ilmoittautumista lyhyessä ajassa. Yritä myöhemmin uudelleen.")
        )
        status = 429
    elif request.method == "POST" and not closed_reason and form.is_valid():
        try:
            registration = services.registration_create(
                event=event, language=current_language(), **form.cleaned_data
            )
        except ValidationError as error:
            _add_service_error(form, error)
        else:
            if registration.status == Registration.Status.CONFIRMED:
                message = _(
                    "Ilmoittautumisesi on vahvistettu. Lähetimme vahvistuksen sähköpostiisi."
                )
            else:
                message = _(
                    "Tapahtuma on täynnä, joten pääsit jonoon. "
                    "Saat sähköpostia, jos paikka vapautuu."
                )
            messages.success(request, message)
            return redirect(event)
    context = {
        "object": event,
        "event": event,
        "form": form,
        "closed_reason": closed_reason,
        "places": services.place_counts(event),
    }
    return render(request, "events/register.html", context, status=status)


def _add_service_error(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@require_http_methods(["GET", "POST"])
def registration_manage(request, signed):
    registration = registration_from_signature(signed)
    if registration is None or not registration.email:
        raise Http404
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "accept" and registration.status == Registration.Status.OFFERED:
                services.offer_accept(registration=registration)
                messages.success(request, _("Paikkasi on vahvistettu. Tervetuloa!"))
            elif action == "decline" and registration.status == Registration.Status.OFFERED:
                services.offer_decline(registration=registration)
                messages.success(request, _("Kieltäydyit paikasta. Kiitos, että ilmoitit."))
            elif action == "cancel":
                services.registration_cancel(registration=registration)
                messages.success(request, _("Ilmoittautumisesi on peruttu."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(request.path)
    context = {"registration": registration, "event": registration.event}
    return render(request, "events/registration_manage.html", context)
