"""Server-side SVG charts: accessible (role="img", title, desc) and CSP-clean.

No style attribute or <style> block: colours are presentation attributes
(fill=, stroke=). The same numbers are always shown in a table beside the chart.
"""

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from surveys.results import percent, rounded

# Orange-purple diverging palette (ColorBrewer PuOr, its middle purple darkened),
# colour-blind safe; the value labels' ink is chosen per fill for a WCAG AA
# contrast (text_colour()).
NEGATIVE = ["#7f3b08", "#b35806", "#e08214", "#fdb863", "#fee0b6"]
POSITIVE = ["#d8daeb", "#b2abd2", "#6a5aa0", "#542788", "#2d004b"]
NEUTRAL = "#e0e0e0"
DARK_INK = "#1a1a1a"
LIGHT_INK = "#ffffff"


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_colour(fill: str) -> str:
    return LIGHT_INK if contrast(fill, LIGHT_INK) >= contrast(fill, DARK_INK) else DARK_INK


def _pick(palette: list[str], count: int) -> list[str]:
    if count <= 0:
        return []
    if count == 1:
        return [palette[2]]
    return [palette[round(i * (len(palette) - 1) / (count - 1))] for i in range(count)]


def scale_colours(scale_size: int) -> list[str]:
    """Fill of each value 1..scale_size: disagreeing side orange, agreeing side purple."""
    half = scale_size // 2
    negative = _pick(NEGATIVE[:4], half)  # darkest for 1
    positive = _pick(POSITIVE[1:], half)  # darkest for the top value
    return negative + ([NEUTRAL] if scale_size % 2 else []) + positive


def _wrap(text: str, width: int = 42) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return lines[:3] if len(lines) <= 3 else [*lines[:2], lines[2] + " …"]


def _pct(share: float) -> str:
    return f"{percent(share)} %"  # rounded as in the table (surveys.results)


# The diverging chart's geometry: bars fill WIDTH from LEFT around the centre line; each
# statement's wrapped lines (LINE_H apart) stand above its bar (BAR_H high) below TOP.
LEFT, WIDTH, TOP, BAR_H, LINE_H = 10, 400, 30, 28, 19
CENTRE, HALF = LEFT + WIDTH / 2, WIDTH / 2
GRID = (-100, -50, 0, 50, 100)


def diverging_chart(*, title: str, desc: str, rows: list, value_labels: list[str]) -> str:
    """A horizontal diverging stacked bar per statement, the statement above its bar.

    rows: [(statement text, StatementResult or None when hidden)], value_labels: the
    label of each scale value. Shares are of the scale answers ("don't know" apart,
    shown under the bar with n).

    The drawing is narrow (viewBox 420 wide) and its text large, so that scaled to a
    phone's width the labels stay about 12-13 px; the grid lines run only beside the
    bars, so no label crosses an axis.
    """
    colours = scale_colours(len(value_labels))
    wrapped = [_wrap(text, 46) for text, _result in rows]
    row_heights = [len(lines) * LINE_H + 8 + BAR_H + 30 for lines in wrapped]
    legend_rows = _legend_rows(value_labels, LEFT + WIDTH)
    height = TOP + sum(row_heights) + 16 + 24 * len(legend_rows)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart chart-diverging" '
        f'viewBox="0 0 {LEFT + WIDTH + 10} {height}" '
        f'aria-labelledby="{{id}}-title {{id}}-desc">',
        f'<title id="{{id}}-title">{escape(title)}</title>',
        f'<desc id="{{id}}-desc">{escape(desc)}</desc>',
    ]
    out += _grid_labels()
    y = TOP
    for index, ((_text, result), lines) in enumerate(zip(rows, wrapped, strict=True)):
        out += _statement_row(index, y, lines, result, value_labels, colours)
        y += row_heights[index]
    out += _legend(y + 8, legend_rows)
    out.append("</svg>")
    return "".join(out)


def _grid_labels() -> list[str]:
    """The percentages of the grid lines, once, above the first statement."""
    out = []
    for pct in GRID:
        x = CENTRE + pct / 100 * HALF
        anchor = "start" if pct == -100 else "end" if pct == 100 else "middle"
        out.append(
            f'<text x="{x:.1f}" y="{TOP - 10}" font-size="14" text-anchor="{anchor}" '
            f'fill="{DARK_INK}">{abs(pct)} %</text>'
        )
    return out


def _statement_row(index, y, lines, result, value_labels, colours) -> list[str]:
    """One statement: its lines, the grid beside its bar, then the bar and its note (or
    why it is hidden)."""
    out = [f'<g class="chart-row" data-row="{index}">']
    for li, line in enumerate(lines):
        out.append(
            f'<text x="{LEFT}" y="{y + 15 + li * LINE_H}" font-size="16" '
            f'fill="{DARK_INK}">{escape(line)}</text>'
        )
    bar_y = y + len(lines) * LINE_H + 6
    for pct in GRID:
        x = CENTRE + pct / 100 * HALF
        out.append(
            f'<line x1="{x:.1f}" y1="{bar_y - 3}" x2="{x:.1f}" y2="{bar_y + BAR_H + 3}" '
            f'stroke="{"#4d4d4d" if pct == 0 else "#bdbdbd"}" stroke-width="1"/>'
        )
    if result is None or not result.n:
        out.append(
            f'<text x="{CENTRE}" y="{bar_y + 20}" font-size="15" text-anchor="middle" '
            f'fill="{DARK_INK}">{escape(_("Alle viisi vastausta: ei näytetä"))}</text>'
        )
    else:
        out += _bar(bar_y, result, value_labels, colours)
        out.append(_bar_note(bar_y, result))
    out.append("</g>")
    return out


def _bar(bar_y: float, result, value_labels, colours) -> list[str]:
    """The stacked bar, its negative half (and half the neutral middle) left of centre."""
    scale_size = len(value_labels)
    dist = result.distribution()
    neg_count = scale_size // 2
    negative_share = sum(share for _v, _c, share in dist[:neg_count])
    if scale_size % 2:
        negative_share += dist[neg_count][2] / 2
    x = CENTRE - negative_share * HALF
    out = []
    for (value, count, share), colour in zip(dist, colours, strict=True):
        w = share * HALF
        out.append(
            f'<rect x="{x:.2f}" y="{bar_y}" width="{w:.2f}" height="{BAR_H}" '
            f'fill="{colour}" stroke="#ffffff" stroke-width="1" data-value="{value}" '
            f'data-count="{count}">'
            f"<title>{escape(value_labels[value - 1])}: {count} ({_pct(share)})</title></rect>"
        )
        if w >= 38:
            out.append(
                f'<text x="{x + w / 2:.2f}" y="{bar_y + 19}" font-size="14" '
                f'text-anchor="middle" fill="{text_colour(colour)}">{_pct(share)}</text>'
            )
        x += w
    return out


def _bar_note(bar_y: float, result) -> str:
    note = _("n = %(n)s, en osaa sanoa %(dk)s, keskiarvo %(mean)s") % {
        "n": result.n,
        "dk": result.dont_know,
        "mean": number_format(rounded(result.mean), 2),  # rounded as in the table
    }
    return (
        f'<text x="{LEFT}" y="{bar_y + BAR_H + 19}" font-size="14" '
        f'fill="{DARK_INK}">{escape(note)}</text>'
    )


def _legend(legend_y: float, legend_rows) -> list[str]:
    out = []
    for legend_row in legend_rows:
        for lx, label, colour in legend_row:
            out.append(
                f'<rect x="{lx}" y="{legend_y}" width="14" height="14" fill="{colour}" '
                f'stroke="#4d4d4d" stroke-width="1"/>'
                f'<text x="{lx + 20}" y="{legend_y + 12}" font-size="14" fill="{DARK_INK}">'
                f"{escape(label)}</text>"
            )
        legend_y += 24
    return out


def _legend_rows(value_labels: list[str], right: int) -> list[list[tuple[int, str, str]]]:
    """The legend's (x, label, colour) items, wrapped into rows that fit the width."""
    rows: list[list[tuple[int, str, str]]] = [[]]
    lx = 10
    for label, colour in zip(value_labels, scale_colours(len(value_labels)), strict=True):
        item_w = 30 + 8 * len(label)
        if rows[-1] and lx + item_w > right:
            rows.append([])
            lx = 10
        rows[-1].append((lx, label, colour))
        lx += item_w
    return rows


def render(svg: str, element_id: str) -> str:
    """The chart with its ids made unique on the page."""
    return mark_safe(svg.replace("{id}", element_id))  # noqa: S308 - every text is escaped above


def bar_chart(*, title: str, desc: str, rows: list[tuple[str, int]]) -> str:
    """Simple horizontal bars (responses per day or per project)."""
    top_value = max((v for _l, v in rows), default=0) or 1
    row_h, left, width = 26, 170, 240
    height = row_h * len(rows) + 10
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" '
        f'viewBox="0 0 {left + width + 60} {height}" aria-labelledby="{{id}}-title {{id}}-desc">',
        f'<title id="{{id}}-title">{escape(title)}</title>',
        f'<desc id="{{id}}-desc">{escape(desc)}</desc>',
    ]
    for index, (label, value) in enumerate(rows):
        y = 5 + index * row_h
        w = value / top_value * width
        out.append(
            f'<text x="{left - 8}" y="{y + 18}" font-size="15" text-anchor="end" '
            f'fill="{DARK_INK}">{escape(label)}</text>'
            f'<rect x="{left}" y="{y + 2}" width="{w:.2f}" height="20" fill="{POSITIVE[3]}" '
            f'data-count="{value}"><title>{escape(label)}: {value}</title></rect>'
            f'<text x="{left + w + 5:.2f}" y="{y + 18}" font-size="15" fill="{DARK_INK}">'
            f"{value}</text>"
        )
    out.append("</svg>")
    return "".join(out)
