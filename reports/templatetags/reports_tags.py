from django import template
from django.template.base import render_value_in_context
from django.utils.formats import number_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
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


@register.simple_tag(takes_context=True)
def table_rows(context, table) -> str:
    """The body rows of a reports.tables.Table: the label as a row header, each figure as a
    `cell`, or one row saying there is nothing. Written in one pass rather than by a template
    loop: a survey page has some 300 cells, and a tag per cell was most of its rendering."""
    rows = table.cells()
    if not rows:
        return format_html(
            '<tr><td colspan="{}">{}</td></tr>', len(table.columns), _("Ei tietoja.")
        )
    html = []
    for row in rows:
        html.append("<tr>")
        for index, (value, kind) in enumerate(row):
            if index == 0:
                html.append(f'<th scope="row">{render_value_in_context(value, context)}</th>')
            else:
                numeric = ' class="num"' if kind != "text" else ""
                html.append(f"<td{numeric}>{conditional_escape(cell(value, kind))}</td>")
        html.append("</tr>\n  ")
    return mark_safe("".join(html))  # noqa: S308 - every part escaped above


@register.filter
def can_view_results(user) -> bool:
    return roles.can_view_results(user)


@register.simple_tag
def raw_export_notice() -> str:
    """The notice of the row-level export (surveys.privacy), beside its links."""
    return privacy.raw_export_notice()
