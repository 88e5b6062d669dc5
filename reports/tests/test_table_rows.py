"""`{% table_rows %}` writes the body rows exactly as the template loop it replaced did."""

import pytest
from django.template import Context, Template
from django.utils import translation

from reports.tables import Column, Table

# The loop of templates/reports/includes/table.html before `table_rows`, kept as the reference.
LOOP = (
    "{% load i18n reports_tags %}"
    "{% for row in table.cells %}<tr>{% for value, kind in row %}{% if forloop.first %}"
    '<th scope="row">{{ value }}</th>{% else %}<td{% if kind != "text" %} class="num"{% endif %}>'
    "{% cell value kind %}</td>{% endif %}{% endfor %}</tr>\n  "
    '{% empty %}<tr><td colspan="{{ table.columns|length }}">{% translate "Ei tietoja." %}'
    "</td></tr>{% endfor %}"
)
TAG = "{% load reports_tags %}{% table_rows table %}"

COLUMNS = [
    Column("Väittämä"),
    Column("n", "int"),
    Column("%", "share"),
    Column("ka.", "number"),
    Column("Huom.", "text"),
]
ROWS = [
    ["<b>Tärkeä</b> & muu", 12, 0.125, 3.625, "<i>x</i>"],
    ["Piilotettu", None, None, None, None],
    [None, 0, 0.0, 1, ""],
]


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("rows", [ROWS, []], ids=["rows", "empty"])
def test_table_rows_write_what_the_loop_wrote(language, rows):
    table = Table(slug="t", title="T", columns=COLUMNS, rows=[list(row) for row in rows])
    with translation.override(language):
        expected = Template(LOOP).render(Context({"table": table}))
        assert Template(TAG).render(Context({"table": table})) == expected
    assert "&lt;b&gt;" in expected or not rows  # labels and texts stay escaped
