"""A table of figures shown on a page and exported as CSV and XLSX from the same object.

Columns have a kind (text, int, share, number). The rows hold the exact figures;
`figures()` rounds them once, by the one rule of surveys.results (half up: shares as
whole percentages, means and other numbers to two decimals), and both the page and the
exports read those rounded values: the page formats them for its language (decimal
comma), the exports write them as numbers. A cell of None is hidden (a small cell,
surveys.privacy) or has no value.
"""

from dataclasses import dataclass, field

from core import exports
from surveys.results import percent, rounded

# How XLSX shows each kind of number column: shares are whole percentages (13 = 13 %).
NUMBER_FORMATS = {"int": "0", "share": '0" %"', "number": "0.00"}


@dataclass
class Column:
    label: str
    kind: str = "text"  # text | int | share | number


def figure(value, kind: str):
    """One cell as it is shown and exported: rounded once, by its column's kind."""
    if value is None:
        return None
    if kind == "share":
        return percent(value)
    if kind == "number":
        return rounded(value)
    return value


@dataclass
class Table:
    slug: str
    title: str
    columns: list[Column]
    rows: list[list] = field(default_factory=list)
    note: str = ""
    question_id: int | None = None  # the question a chart or choice table is of

    @property
    def has_hidden(self) -> bool:
        return any(cell is None for row in self.rows for cell in row[1:])

    def figures(self) -> list[list]:
        """The rows rounded for showing and exporting (hidden cells stay None)."""
        kinds = [c.kind for c in self.columns]
        return [
            [figure(value, kind) for value, kind in zip(row, kinds, strict=False)]
            for row in self.rows
        ]

    def cells(self):
        """Rows as (value, kind) pairs, for the template."""
        kinds = [c.kind for c in self.columns]
        return [list(zip(row, kinds, strict=False)) for row in self.figures()]

    def sheet(self, *, notice: str = "") -> exports.Sheet:
        """The table for core.exports: the same rounded figures, hidden cells empty."""
        return exports.Sheet(
            title=self.slug or "data",
            header=[c.label for c in self.columns],
            rows=self.figures(),
            number_formats={
                index: NUMBER_FORMATS[c.kind]
                for index, c in enumerate(self.columns)
                if c.kind in NUMBER_FORMATS
            },
            notice=notice,
        )
