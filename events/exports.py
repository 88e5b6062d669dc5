"""Registrations as CSV and XLSX for the coordinators of the event (core.exports)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from core import exports


def registrations_sheet(event, registrations) -> exports.Sheet:
    header = [
        _("Nimi"),
        _("Sähköpostiosoite"),
        _("Organisaatio"),
        _("Osallistumistapa"),
        _("Tila"),
        _("Saavutettavuus- tai ruokavaliotarpeet"),
        _("Kieli"),
        _("Ilmoittautunut"),
        _("Osallistui"),
    ]
    yes_no = {True: _("kyllä"), False: _("ei"), None: ""}
    rows = (
        [
            registration.name,
            registration.email,
            registration.organisation,
            registration.get_mode_display(),
            registration.get_status_display(),
            registration.needs,
            registration.language,
            timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
            yes_no[registration.attended],
        ]
        for registration in registrations
    )
    return exports.Sheet(
        title=_("Ilmoittautuneet"), header=header, rows=rows, first_column_width=30, column_width=20
    )
