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


# The diverging chart's geometry: statement labels end at LABEL_W, the bars fill WIDTH
# from LEFT around the centre line, one row of ROW_H per statement below TOP.
LABEL_W, LEFT, WIDTH, ROW_H, TOP = 310, 320, 460, 58, 34
CENTRE, HALF = LEFT + WIDTH / 2, WIDTH / 2


def diverging_chart(*, title: str, desc: str, rows: list, value_labels: list[str]) -> str:
    """A horizontal diverging stacked bar per statement.

    rows: [(statement text, StatementResult or None when hidden)], value_labels: the
    label of each scale value. Shares are of the scale answers ("don't know" apart,
    shown under the statement with n).
    """
    colours = scale_colours(len(value_labels))
    height = TOP + ROW_H * len(rows) + 70
    total_w = LEFT + WIDTH + 20
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" '
        f'viewBox="0 0 {total_w} {height}" aria-labelledby="{{id}}-title {{id}}-desc">',
        f'<title id="{{id}}-title">{escape(title)}</title>',
        f'<desc id="{{id}}-desc">{escape(desc)}</desc>',
    ]
    out += _percent_grid(len(rows))
    for index, (text, result) in enumerate(rows):
        out += _statement_row(index, text, result, value_labels, colours)
    out += _legend(TOP + ROW_H * len(rows) + 20, value_labels, colours, total_w)
    out.append("</svg>")
    return "".join(out)


def _percent_grid(row_count: int) -> list[str]:
    """Vertical lines at -100, -50, 0, 50 and 100 % with their labels on top."""
    out = []
    for pct in (-100, -50, 0, 50, 100):
        x = CENTRE + pct / 100 * HALF
        out.append(
            f'<line x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{TOP + ROW_H * row_count}" '
            f'stroke="{"#4d4d4d" if pct == 0 else "#bdbdbd"}" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{x:.1f}" y="{TOP - 12}" font-size="12" text-anchor="middle" '
            f'fill="{DARK_INK}">{abs(pct)} %</text>'
        )
    return out


def _statement_row(index: int, text: str, result, value_labels, colours) -> list[str]:
    """One statement: its wrapped label, then its bar and note (or why it is hidden)."""
    y = TOP + index * ROW_H
    out = [f'<g class="chart-row" data-row="{index}">']
    for li, line in enumerate(_wrap(text)):
        out.append(
            f'<text x="{LABEL_W}" y="{y + 14 + li * 15}" font-size="13" text-anchor="end" '
            f'fill="{DARK_INK}">{escape(line)}</text>'
        )
    if result is None or not result.n:
        out.append(
            f'<text x="{CENTRE}" y="{y + 24}" font-size="13" text-anchor="middle" '
            f'fill="{DARK_INK}">{escape(_("Alle viisi vastausta: ei näytetä"))}</text>'
        )
    else:
        out += _bar(y + 4, result, value_labels, colours)
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
            f'<rect x="{x:.2f}" y="{bar_y}" width="{w:.2f}" height="26" fill="{colour}" '
            f'stroke="#ffffff" stroke-width="1" data-value="{value}" data-count="{count}">'
            f"<title>{escape(value_labels[value - 1])}: {count} ({_pct(share)})</title></rect>"
        )
        if w >= 30:
            out.append(
                f'<text x="{x + w / 2:.2f}" y="{bar_y + 18}" font-size="12" '
                f'text-anchor="middle" fill="{text_colour(colour)}">{_pct(share)}</text>'
            )
        x += w
    note = _("n = %(n)s, en osaa sanoa %(dk)s, keskiarvo %(mean)s") % {
        "n": result.n,
        "dk": result.dont_know,
        "mean": number_format(rounded(result.mean), 2),  # rounded as in the table
    }
    out.append(
        f'<text x="{CENTRE}" y="{bar_y + 44}" font-size="12" text-anchor="middle" '
        f'fill="{DARK_INK}">{escape(note)}</text>'
    )
    return out


def _legend(legend_y: float, value_labels, colours, total_w: float) -> list[str]:
    """A swatch and label per scale value, wrapping onto a new line near the right edge."""
    out = []
    lx = 10
    for label, colour in zip(value_labels, colours, strict=True):
        out.append(
            f'<rect x="{lx}" y="{legend_y}" width="14" height="14" fill="{colour}" '
            f'stroke="#4d4d4d" stroke-width="1"/>'
            f'<text x="{lx + 20}" y="{legend_y + 12}" font-size="12" fill="{DARK_INK}">'
            f"{escape(label)}</text>"
        )
        lx += 30 + 7 * len(label)
        if lx > total_w - 120:
            lx = 10
            legend_y += 22
    return out


def render(svg: str, element_id: str) -> str:
    """The chart with its ids made unique on the page."""
    return mark_safe(svg.replace("{id}", element_id))  # noqa: S308 - every text is escaped above


def bar_chart(*, title: str, desc: str, rows: list[tuple[str, int]]) -> str:
    """Simple horizontal bars (responses per day or per project)."""
    top_value = max((v for _l, v in rows), default=0) or 1
    row_h, left, width = 22, 150, 500
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
            f'<text x="{left - 8}" y="{y + 14}" font-size="12" text-anchor="end" '
            f'fill="{DARK_INK}">{escape(label)}</text>'
            f'<rect x="{left}" y="{y + 2}" width="{w:.2f}" height="16" fill="{POSITIVE[3]}" '
            f'data-count="{value}"><title>{escape(label)}: {value}</title></rect>'
            f'<text x="{left + w + 5:.2f}" y="{y + 14}" font-size="12" fill="{DARK_INK}">'
            f"{value}</text>"
        )
    out.append("</svg>")
    return "".join(out)
