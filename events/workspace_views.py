"""Events in the staff workspace: the editor, publishing, materials and registrations.

Every view is behind `workspace_page` (signed in, a role in the network, never cached);
`Event.objects.editable_by(user)` then decides: an event the user may not edit is a 404.
The writes go through events.services.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core import exports as spreadsheets
from core.access_log import log_access
from core.query_params import reads_query
from core.staff import workspace_page
from core.translation_utils import localized_value
from projects.models import Project

from . import exports, services
from .forms import BulkEmailForm
from .models import Event, Registration, offer_hours
from .views import event_page_data
from .workspace_forms import EventForm, MaterialForm, PublishForm, RegistrationFilterForm

PER_PAGE = 25
LIST_VIEWS = {
    "tulevat": gettext_lazy("Tulevat"),
    "menneet": gettext_lazy("Menneet"),
    "luonnokset": gettext_lazy("Luonnokset"),
}


def _editable_event(request, pk) -> Event:
    return get_object_or_404(Event.objects.editable_by(request.user), pk=pk)


def _require_projects(request) -> None:
    """Creating content needs a project to put it in (OPH viewers have none)."""
    if not Project.objects.editable_by(request.user).exists():
        raise PermissionDenied(_("Sinulla ei ole hanketta, jonka tapahtumia voisit muokata."))


def _add_service_error(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# Events ---------------------------------------------------------------------


@workspace_page
@require_GET
@reads_query("nayta", "sivu")
def event_list(request):
    view = request.GET.get("nayta") if request.GET.get("nayta") in LIST_VIEWS else "tulevat"
    events = Event.objects.editable_by(request.user)
    events = {
        "tulevat": lambda: events.upcoming().exclude(status=Event.Status.DRAFT),
        "menneet": lambda: events.past().exclude(status=Event.Status.DRAFT),
        "luonnokset": lambda: events.filter(status=Event.Status.DRAFT).order_by("starts_at", "pk"),
    }[view]()
    page = Paginator(
        events.with_registration_counts().prefetch_related("projects"), PER_PAGE
    ).get_page(request.GET.get("sivu"))
    context = {
        "page": page,
        "view": view,
        "view_label": LIST_VIEWS[view],
        "views": LIST_VIEWS,
        "may_create": Project.objects.editable_by(request.user).exists(),
    }
    return render(request, "events/workspace/event_list.html", context)


@workspace_page
@require_http_methods(["GET", "POST"])
def event_create(request):
    _require_projects(request)
    form = EventForm(request.POST or None, editor=request.user)
    if request.method == "POST" and form.is_valid():
        event = services.event_save(form=form)
        messages.success(
            request, _("Tapahtuma on tallennettu luonnoksena. Se ei vielä näy yleisölle.")
        )
        return redirect("events_workspace:event_overview", pk=event.pk)
    return _editor(request, form, None)


@workspace_page
@require_http_methods(["GET", "POST"])
def event_edit(request, pk):
    event = _editable_event(request, pk)
    form = EventForm(request.POST or None, instance=event, editor=request.user)
    if request.method == "POST" and form.is_valid():
        services.event_save(form=form)
        messages.success(request, _("Muutokset on tallennettu."))
        return redirect("events_workspace:event_overview", pk=event.pk)
    return _editor(request, form, event)


def _editor(request, form, event):
    context = {
        "form": form,
        "event": event,
        "missing": form.missing_swedish(),
        "offer_hours": offer_hours(),
    }
    return render(request, "events/workspace/event_form.html", context)


def _share_links(event: Event) -> list[dict]:
    from django.conf import settings

    links = []
    for language, label in (("fi", _("Suomeksi")), ("sv", _("Ruotsiksi"))):
        with translation.override(language):
            links.append(
                {
                    "language": language,
                    "label": label,
                    "page": settings.SITE_URL + event.get_absolute_url(),
                    "ics": settings.SITE_URL
                    + reverse("events:event_ics", kwargs={"slug": event.slug}),
                }
            )
    return links


def _overview(request, pk, publish_form=None, status=200):
    """The event's own page in the workspace: its state and the next steps."""
    event = get_object_or_404(
        Event.objects.editable_by(request.user).prefetch_related("projects", "materials"), pk=pk
    )
    context = {
        "event": event,
        "places": services.place_counts(event) if event.registration_enabled else {},
        "publish_form": publish_form or PublishForm(),
        "share_links": _share_links(event),
        "missing_swedish": [
            label
            for name, label in (("title", _("otsikko")), ("description", _("kuvaus")))
            if localized_value(event, name, "fi") and not localized_value(event, name, "sv")
        ],
    }
    return render(request, "events/workspace/event_overview.html", context, status=status)


@workspace_page
@require_GET
def event_overview(request, pk):
    return _overview(request, pk)


@workspace_page
@require_GET
def event_preview(request, pk, language):
    """The public page as a visitor sees it, for a draft too, in either language."""
    if language not in ("fi", "sv"):
        raise Http404
    event = get_object_or_404(
        Event.objects.editable_by(request.user).prefetch_related("projects", "themes", "materials"),
        pk=pk,
    )
    back = reverse("events_workspace:event_overview", kwargs={"pk": event.pk})  # user's language
    with translation.override(language):
        context = {
            "object": event,
            "event": event,
            **event_page_data(event),
            "may_edit": False,
            "preview_of": event,
            "preview_back": back,
        }
        response = render(request, "events/event_detail.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@workspace_page
@require_POST
def event_publish(request, pk):
    event = _editable_event(request, pk)
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            event = services.event_publish(event=event, at=form.cleaned_data["publish_at"])
        except ValidationError as error:
            _add_service_error(form, error)
        else:
            if event.publish_at:
                messages.success(request, _("Tapahtuman julkaisu on ajastettu."))
            else:
                messages.success(request, _("Tapahtuma on julkaistu."))
            return redirect("events_workspace:event_overview", pk=event.pk)
    return _overview(request, pk, publish_form=form)


@workspace_page
@require_POST
def event_unpublish(request, pk):
    event = services.event_unpublish(event=_editable_event(request, pk))
    messages.success(request, _("Tapahtuma on palautettu luonnokseksi. Se ei näy yleisölle."))
    return redirect("events_workspace:event_overview", pk=event.pk)


@workspace_page
@require_POST
def event_cancel(request, pk):
    try:
        services.event_cancel(event=_editable_event(request, pk))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("Tapahtuma on peruttu. Sen sivu kertoo sen; kerro osallistujille viestillä."),
        )
    return redirect("events_workspace:event_overview", pk=pk)


@workspace_page
@require_POST
def event_copy(request, pk):
    _require_projects(request)
    copy = services.event_copy(event=_editable_event(request, pk), editor=request.user)
    messages.success(request, _("Tapahtumasta on tehty kopio luonnokseksi. Muokkaa sen tiedot."))
    return redirect("events_workspace:event_edit", pk=copy.pk)


# Materials --------------------------------------------------------------------


@workspace_page
@require_http_methods(["GET", "POST"])
def event_materials(request, pk):
    event = _editable_event(request, pk)
    form = MaterialForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.material_add(event=event, form=form)
        except ValidationError as error:
            _add_service_error(form, error)
        else:
            messages.success(request, _("Materiaali on lisätty."))
            return redirect("events_workspace:event_materials", pk=event.pk)
    context = {"event": event, "form": form, "materials": list(event.materials.all())}
    return render(request, "events/workspace/materials.html", context)


@workspace_page
@require_POST
def material_delete(request, pk, material_pk):
    event = _editable_event(request, pk)
    material = get_object_or_404(event.materials, pk=material_pk)
    services.material_delete(material=material)
    messages.success(request, _("Materiaali on poistettu."))
    return redirect("events_workspace:event_materials", pk=event.pk)


# Registrations ------------------------------------------------------------------


@workspace_page
@require_GET
@reads_query("tila")
def registration_list(request, pk):
    event = _editable_event(request, pk)
    log_access(request, "events.registrations.view", event)
    form = RegistrationFilterForm(request.GET or None)
    context = {
        "event": event,
        "form": form,
        "registrations": form.filter(event.registrations.order_by("status", "created_at", "pk")),
        "waiting": list(event.registrations.waiting()),
        "places": services.place_counts(event),
        "offer_hours": offer_hours(),
    }
    return render(request, "events/workspace/registration_list.html", context)


@workspace_page
@require_POST
def registration_offer(request, pk, registration_pk):
    event = _editable_event(request, pk)
    registration = get_object_or_404(event.registrations, pk=registration_pk)
    try:
        services.offer_make(registration=registration)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Paikkaa tarjottiin henkilölle %(name)s. Hän sai siitä sähköpostin.")
            % {"name": registration.name},
        )
    return redirect("events_workspace:registration_list", pk=event.pk)


@workspace_page
@require_GET
def registration_export(request, pk, fmt):
    event = _editable_event(request, pk)
    log_access(request, f"events.registrations.export.{fmt}", event)
    registrations = event.registrations.order_by("created_at", "pk")
    sheet = exports.registrations_sheet(event, registrations)
    name = localized_value(event, "slug", "fi")
    return spreadsheets.attachment(spreadsheets.render(sheet, fmt), fmt, filename=name)


@workspace_page
@require_http_methods(["GET", "POST"])
def registration_email(request, pk):
    """Write, preview (each language as its recipients get it), then send."""
    event = _editable_event(request, pk)
    form = BulkEmailForm(request.POST or None)
    previews = None
    if request.method == "POST" and form.is_valid():
        if request.POST.get("action") == "send":
            count = services.bulk_email_send(event=event, **form.cleaned_data)
            messages.success(
                request,
                ngettext(
                    "Viesti lähetetään %(count)s vastaanottajalle.",
                    "Viesti lähetetään %(count)s vastaanottajalle.",
                    count,
                )
                % {"count": count},
            )
            return redirect("events_workspace:registration_list", pk=event.pk)
        previews = services.bulk_email_preview(event=event, **form.cleaned_data)
    context = {
        "event": event,
        "form": form,
        "previews": previews,
        "recipients": sum(p["count"] for p in previews) if previews else 0,
    }
    return render(request, "events/workspace/registration_email.html", context)


@workspace_page
@require_GET
def checkin_list(request, pk):
    event = _editable_event(request, pk)
    log_access(request, "events.registrations.checkin", event)
    registrations = event.registrations.filter(status=Registration.Status.CONFIRMED).order_by(
        "name", "pk"
    )
    context = {"event": event, "registrations": registrations}
    return render(request, "events/workspace/checkin.html", context)


@workspace_page
@require_POST
def checkin_mark(request, pk, registration_pk):
    event = _editable_event(request, pk)
    registration = get_object_or_404(event.registrations, pk=registration_pk)
    attended = request.POST.get("attended") == "1"
    services.attendance_mark(registration=registration, attended=attended)
    messages.success(
        request,
        (
            _("%(name)s merkitty paikalla olleeksi.")
            if attended
            else _("%(name)s merkitty poissa olleeksi.")
        )
        % {"name": registration.name},
    )
    url = reverse("events_workspace:checkin_list", kwargs={"pk": event.pk})
    return redirect(f"{url}#r{registration.pk}")
