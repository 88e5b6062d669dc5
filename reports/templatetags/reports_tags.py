from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from core import roles
from reports import charts
from surveys import privacy

register = template.Library()


@register.filter
def chart(svg: str, element_id) -> str:
    """A chart's SVG with its title/desc ids made unique on the page."""
    return charts.render(svg, f"chart-{element_id}")


@register.simple_tag
def cell(value, kind):
    """One table cell: hidden cells as a dash with a spoken explanation.

    `value` is already rounded (Table.figures()); numbers get the language's decimal comma.
    """
    if value is None:
        if kind == "text":
            return ""
        return format_html(
            '<span aria-hidden="true">–</span><span class="visually-hidden">{}</span>',
            _("ei näytetä"),
        )
    if kind == "share":
        return f"{number_format(value, 0)} %"
    if kind == "number":
        return number_format(value, 2)
    return value


@register.filter
def can_view_results(user) -> bool:
    return roles.can_view_results(user)


@register.simple_tag
def raw_export_notice() -> str:
    """The notice of the row-level export (surveys.privacy), beside its links."""
    return privacy.raw_export_notice()
