from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import format_html
from django.utils.translation import gettext as _

from reports import charts

register = template.Library()


@register.filter
def chart(svg: str, element_id) -> str:
    """A chart's SVG with its title/desc ids made unique on the page."""
    return charts.render(svg, f"chart-{element_id}")


@register.simple_tag
def cell(value, kind):
    """One table cell: hidden cells as a dash with a spoken explanation."""
    if value is None:
        if kind == "text":
            return ""
        return format_html(
            '<span aria-hidden="true">–</span><span class="visually-hidden">{}</span>',
            _("ei näytetä"),
        )
    if kind == "share":
        return f"{floatformat(value * 100, 0)} %"
    if kind == "number":
        return floatformat(value, 2)
    return value


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def can_view_results(user) -> bool:
    from valita.roles import can_view_results as allowed

    return allowed(user)
