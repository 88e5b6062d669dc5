"""A table of figures shown on a page and exported as CSV and XLSX from the same object.

Columns have a kind (text, int, share, number) so the page formats them (shares as
percentages, Finnish decimal comma) and the exports keep plain numbers. A cell of
None is hidden (a breakdown cell under the small-cell limit) or has no value.
"""

from dataclasses import dataclass, field


@dataclass
class Column:
    label: str
    kind: str = "text"  # text | int | share | number


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

    def cells(self):
        """Rows as (value, kind) pairs, for the template."""
        kinds = [c.kind for c in self.columns]
        return [list(zip(row, kinds, strict=False)) for row in self.rows]

    def plain_rows(self) -> list[list]:
        """Rows for the exports: shares and means rounded, hidden cells empty."""
        out = []
        for row in self.rows:
            plain = []
            for value, column in zip(row, self.columns, strict=False):
                if value is None:
                    plain.append("")
                elif column.kind == "share":
                    plain.append(round(value, 4))
                elif column.kind == "number":
                    plain.append(round(value, 2))
                else:
                    plain.append(value if isinstance(value, int | float) else str(value))
            out.append(plain)
        return out
