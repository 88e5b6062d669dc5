"""One rule for every deadline the portal shows and enforces.

A deadline (a registration deadline, an offer's expiry, a follow-up round's or a survey's
closing time) is stored as the first instant at which nothing is accepted any more:
`now < deadline` is accepted, `now >= deadline` refused. People are shown the last moment
accepted, in Europe/Helsinki: a deadline at midnight is shown as the day before it (the
last whole day accepted, "20.12.2026" for 21.12.2026 00:00), any other deadline as its
day and time. So the last day shown is always the last day accepted.

A deadline chosen as a day ("answering ends on 20.12.2026") is stored with `end_of_day()`.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format

HELSINKI = ZoneInfo("Europe/Helsinki")
DATE_FORMAT = "j.n.Y"
DATE_TIME_FORMAT = "j.n.Y H:i"


def end_of_day(day: date) -> datetime:
    """The deadline that accepts the whole of `day` in Helsinki: the next midnight there."""
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=HELSINKI)


def is_open(deadline: datetime | None, now: datetime | None = None) -> bool:
    """True while the deadline accepts (no deadline always accepts)."""
    return deadline is None or (now or timezone.now()) < deadline


def has_passed(deadline: datetime | None, now: datetime | None = None) -> bool:
    return not is_open(deadline, now)


def open_q(field: str, now: datetime | None = None, *, null_is_open: bool = False) -> Q:
    """The same rule as a filter: rows whose `field` deadline still accepts at `now`."""
    condition = Q(**{f"{field}__gt": now or timezone.now()})
    return condition | Q(**{f"{field}__isnull": True}) if null_is_open else condition


def passed_q(field: str, now: datetime | None = None) -> Q:
    """Rows whose `field` deadline no longer accepts at `now` (a missing one never passes)."""
    return Q(**{f"{field}__lte": now or timezone.now()})


def _local(deadline: datetime) -> datetime:
    return timezone.localtime(deadline, HELSINKI)


def is_whole_day(deadline: datetime) -> bool:
    """The deadline falls at midnight in Helsinki: the day before it is accepted whole."""
    return _local(deadline).time() == time.min


def last_day(deadline: datetime) -> date:
    """The last day (in Helsinki) on which anything is accepted."""
    local = _local(deadline)
    return local.date() - timedelta(days=1) if local.time() == time.min else local.date()


def display_day(deadline: datetime | None) -> str:
    """The last day accepted, "20.12.2026" ("" without a deadline)."""
    if deadline is None:
        return ""
    return date_format(last_day(deadline), DATE_FORMAT)


def display(deadline: datetime | None) -> str:
    """The last moment accepted: the day alone for a whole-day deadline, else day and time."""
    if deadline is None:
        return ""
    if is_whole_day(deadline):
        return display_day(deadline)
    return date_format(_local(deadline), DATE_TIME_FORMAT)
