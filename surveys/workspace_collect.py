"""The workspace's collect page and monitor of one survey (`/fi/tyotila/kyselyt/<pk>/keruu/`).

Network coordinators run every survey's collection; a project coordinator sees the
survey's collectors of their own projects and follows them in the monitor, and changes
nothing. Whom a survey is shown to is `Survey.objects.visible_to` (404 outside it), who
may change it `Survey.objects.editable_by` (403 for the others who see it). The writes
are in surveys/collecting.py.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from core import deadlines
from core.roles import is_network_coordinator
from core.staff import workspace_page

from . import collecting
from .collect_forms import EmbedForm, InvitationForm, ReminderForm, ScheduleForm
from .models import Collector, Reminder, Survey


def _visible(request, pk: int) -> Survey:
    return get_object_or_404(Survey.objects.visible_to(request.user), pk=pk)


def _editable(request, pk: int) -> Survey:
    """The survey to change: 404 when not seen at all, 403 when seen but not changed."""
    survey = _visible(request, pk)
    if not Survey.objects.editable_by(request.user).filter(pk=survey.pk).exists():
        raise PermissionDenied
    return survey


def _back(survey: Survey, anchor: str = ""):
    response = redirect("surveys_workspace:collect", pk=survey.pk)
    response["Location"] += f"#{anchor}" if anchor else ""
    return response


def _page(request, survey: Survey, *, status: int = 200, **forms):
    """The collect page, with any bound form (carrying its errors) in place of a fresh one."""
    can_edit = is_network_coordinator(request.user)
    collectors = list(
        Collector.objects.visible_to(request.user)
        .filter(survey=survey)
        .select_related("project", "event")
        .with_stats()
        .order_by("kind", "project__name", "pk")
    )
    project_links = [c for c in collectors if c.kind == Collector.Kind.PROJECT]
    # The public link is public: everyone who sees the page sees it (collectors above are
    # only those of a project coordinator's projects).
    public = list(survey.collectors.filter(kind=Collector.Kind.PUBLIC).order_by("pk")[:1])
    for collector in project_links:
        collector.survey = survey  # the links' slugs, without a query per link
        collector.links = collecting.collector_links(collector)
    have = {c.project_id for c in project_links}
    missing = [p for p in collecting.link_projects() if p.pk not in have] if can_edit else []
    context = {
        "survey": survey,
        "can_edit": can_edit,
        "public": public,
        "public_links": collecting.public_links(survey),
        "project_links": project_links,
        "missing_projects": missing,
        "opens": deadlines.display(survey.opens_at),
        "closes": deadlines.display(survey.closes_at),
        "errors_of": next((f for f in forms.values() if f.errors), None),
    }
    if can_edit:
        context |= {
            "schedule_form": forms.get("schedule") or ScheduleForm(survey=survey, prefix="aika"),
            "embed_form": forms.get("embed")
            or EmbedForm(initial={"embed_domains": survey.embed_domains}, prefix="upotus"),
            "invitation_form": forms.get("invitation")
            or InvitationForm(survey=survey, prefix="kutsu"),
            "reminder_form": forms.get("reminder") or ReminderForm(prefix="muistutus"),
            "invitation_counts": collecting.invitation_counts(survey),
            "invitees": list(collecting.invitees(survey)),
            "reminders": list(survey.reminders.order_by("number")),
            "max_reminders": Reminder.MAX,
        }
    return render(request, "surveys/workspace/collect.html", context, status=status)


@workspace_page
@require_GET
def collect(request, pk):
    return _page(request, _visible(request, pk))


@workspace_page
@require_POST
def collect_schedule(request, pk):
    survey = _editable(request, pk)
    form = ScheduleForm(request.POST, survey=survey, prefix="aika")
    if form.is_valid():
        try:
            collecting.survey_schedule_set(
                survey=survey,
                status=form.cleaned_data["status"],
                opens_at=form.cleaned_data["opens_at"],
                closes_at=form.cleaned_data["closes_at"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Aikataulu tallennettu."))
            return _back(survey, "aikataulu")
    return _page(request, survey, schedule=form, status=400)


@workspace_page
@require_POST
def collect_embed(request, pk):
    survey = _editable(request, pk)
    form = EmbedForm(request.POST, prefix="upotus")
    if form.is_valid():
        try:
            collecting.embed_domains_set(
                survey=survey, embed_domains=form.cleaned_data["embed_domains"]
            )
        except ValidationError as error:
            form.add_error("embed_domains", error.message_dict.get("embed_domains", error))
        else:
            messages.success(request, _("Sallitut sivustot tallennettu."))
            return _back(survey, "upotus")
    return _page(request, survey, embed=form, status=400)


@workspace_page
@require_POST
def collect_project_links(request, pk):
    survey = _editable(request, pk)
    created = collecting.project_links_create(survey=survey)
    if created:
        messages.success(
            request,
            ngettext(
                "Luotiin %(count)s hankelinkki.", "Luotiin %(count)s hankelinkkiä.", len(created)
            )
            % {"count": len(created)},
        )
    else:
        messages.info(request, _("Jokaisella hankkeella on jo linkki."))
    return _back(survey, "hankelinkit")


@workspace_page
@require_POST
def collect_collector_active(request, pk, collector_pk):
    survey = _editable(request, pk)
    collector = get_object_or_404(
        Collector.objects.editable_by(request.user), pk=collector_pk, survey=survey
    )
    active = request.POST.get("active") == "1"
    collecting.collector_set_active(collector=collector, active=active)
    if active:
        messages.success(request, _("%(name)s on taas käytössä.") % {"name": collector})
    else:
        messages.success(request, _("%(name)s suljettiin.") % {"name": collector})
    return _back(survey, f"kanava-{collector.pk}")


@workspace_page
@require_POST
def collect_invitations(request, pk):
    survey = _editable(request, pk)
    form = InvitationForm(request.POST, request.FILES, survey=survey, prefix="kutsu")
    if form.is_valid():
        try:
            collector, added = collecting.invitations_add(
                survey=survey,
                rows=form.parsed.rows,
                collector=form.cleaned_data["collector_object"],
                name=form.cleaned_data["name"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            given = len(form.parsed.rows)
            message = ngettext(
                "Lisättiin %(count)s kutsu; sähköposti lähtee taustalla.",
                "Lisättiin %(count)s kutsua; sähköpostit lähtevät taustalla.",
                added,
            ) % {"count": added}
            if added < given:
                message += " " + ngettext(
                    "%(count)s osoite oli jo kutsuttu.",
                    "%(count)s osoitetta oli jo kutsuttu.",
                    given - added,
                ) % {"count": given - added}
            messages.success(request, message)
            return _back(survey, "kutsut")
    return _page(request, survey, invitation=form, status=400)


@workspace_page
@require_POST
def collect_reminder_add(request, pk):
    survey = _editable(request, pk)
    form = ReminderForm(request.POST, prefix="muistutus")
    if form.is_valid():
        try:
            collecting.reminder_schedule(survey=survey, send_at=form.cleaned_data["send_at"])
        except ValidationError as error:
            for message in error.message_dict.get("send_at", error.messages):
                form.add_error("send_day", message)
        else:
            messages.success(request, _("Muistutus ajastettu."))
            return _back(survey, "muistutukset")
    return _page(request, survey, reminder=form, status=400)


@workspace_page
@require_POST
def collect_reminder_cancel(request, pk, reminder_pk):
    survey = _editable(request, pk)
    reminder = get_object_or_404(Reminder, pk=reminder_pk, survey=survey)
    try:
        collecting.reminder_cancel(reminder=reminder)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Muistutus peruttu."))
    return _back(survey, "muistutukset")


@workspace_page
@require_GET
def collect_monitor(request, pk):
    survey = _visible(request, pk)
    figures = collecting.monitor(survey, request.user)
    return render(
        request,
        "surveys/workspace/collect_monitor.html",
        {"survey": survey, "monitor": figures, "can_edit": figures.full},
    )
