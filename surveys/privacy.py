"""What survey data may leave the portal, and for whom: the small-cell rule in one place.

The policy (surveys/README.md, "Privacy of results", and the privacy notice say the same):

1. Small cells. A figure about a group of fewer than MIN_CELL (5) respondents (a
   statement's distribution and mean, a choice's counts, a project's, event's or
   background group's results) is never shown, on any page, printable report, public
   page or aggregated CSV/XLSX, for any role, the network totals included (only the
   network's count of responses, in total and per day, is always shown):
   `small_cell(n)` decides, `shown(value, n)` applies it to one value.
   Nor can a hidden figure be worked out by subtraction: a breakdown shown beside its
   total hides, besides its small cells, as many of the next smallest as it takes for
   everything hidden (with whoever is in the total but in no cell shown) to be a group of
   at least MIN_CELL (`complementary_hidden`). A project hidden that way in the network's
   breakdown is hidden in its own report too (reports.survey_report.covered_projects).
2. Row-level data (one row per response: the raw responses export) is for network
   coordinators only (`may_export_raw(user)`), who run the surveys and code the open
   answers; the page and the file carry `raw_export_notice()`. OPH viewers and project
   coordinators get the aggregated tables, the same objects the pages show.
3. Even in those rows, a background value (the response's project and language, the
   answer to the "which project" question or to a single-choice question such as the
   respondent's role) that fewer than MIN_CELL responses share is blanked:
   `blank_small_groups(rows, columns)`.
4. Open answers are read on the dashboard one at a time, without any background; a
   project coordinator reads only those of their projects that have at least MIN_CELL
   responses (`projects_large_enough`).

Other apps (event feedback, reports) call these functions; none repeats the threshold.
"""

from collections import Counter
from collections.abc import Iterable, Sequence

from django.db.models import Count
from django.utils.translation import gettext as _

from core.roles import is_network_coordinator

MIN_CELL = 5


def small_cell(n: int | None) -> bool:
    """True when a group of `n` respondents is too small for any figure about it."""
    return (n or 0) < MIN_CELL


def shown(value, n: int | None):
    """`value` when its group is large enough, else None (shown as "hidden")."""
    return None if small_cell(n) else value


def complementary_hidden(
    counts: Sequence[int], *, hidden: Iterable[int] = (), outside: int = 0
) -> set[int]:
    """The indexes of a breakdown's cells to hide when it is shown beside its total.

    `counts` are the cells' group sizes, `hidden` indexes hidden for another reason and
    `outside` how many of the total are in no cell shown. The small cells are hidden; then,
    while what is hidden adds up to a small group (the total minus the cells shown would
    give it away), the smallest cell still shown is hidden too. Empty cells give nobody
    away and cover nobody.
    """
    hide = {index for index, n in enumerate(counts) if small_cell(n)} | set(hidden)
    pool = outside + sum(counts[index] for index in hide)
    for index in sorted(range(len(counts)), key=lambda index: counts[index]):
        if not 0 < pool < MIN_CELL:
            break
        if index not in hide:
            hide.add(index)
            pool += counts[index]
    return hide


def may_export_raw(user) -> bool:
    """Only network coordinators (and superusers) take row-level responses out."""
    return is_network_coordinator(user)


def raw_export_notice() -> str:
    return _(
        "Luottamuksellinen: yksittäiset vastaukset, vain verkostokoordinaattoreille. "
        "Älä jaa tiedostoa eteenpäin. Taustatiedot, jotka alle viidellä vastaajalla on "
        "samat, on tyhjennetty."
    )


def blank_small_groups(rows: list[list], columns: Iterable[int], *, blank="") -> None:
    """Blank, in place, each value of these columns that fewer than MIN_CELL rows share.

    Empty cells (not answered) are neither counted nor changed.
    """
    for column in columns:
        counts = Counter(row[column] for row in rows if row[column] not in ("", None))
        rare = {value for value, n in counts.items() if small_cell(n)}
        if not rare:
            continue
        for row in rows:
            if row[column] in rare:
                row[column] = blank


def projects_large_enough(responses, project_ids: Iterable[int]) -> list[int]:
    """Those of `project_ids` with at least MIN_CELL of these (counted) responses."""
    counts = (
        responses.filter(project__in=list(project_ids))
        .values("project_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("project_id", "n")
    )
    return [project_id for project_id, n in counts if not small_cell(n)]
