"""Template filters that show a deadline by the one rule of core/deadlines.py.

{% load deadlines %} {{ survey.closes_at|deadline }} (day, or day and time) and
{{ survey.closes_at|deadline_day }} (the last day accepted).
"""

from django import template

from core import deadlines

register = template.Library()


@register.filter
def deadline(value):
    return deadlines.display(value)


@register.filter
def deadline_day(value):
    return deadlines.display_day(value)
