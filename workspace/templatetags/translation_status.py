"""The language versions of an object, for any editor or list of the workspace.

    {% load translation_status %}
    {% for event in events|with_translation_status %}…{% translation_badges event %}…{% endfor %}

`with_translation_status` reads the states of a whole list in one query per model;
`translation_badges` alone on one object (an editor) reads its one row.
"""

from django import template

from workspace.translations import attach_states, translation_state

register = template.Library()


@register.filter
def with_translation_status(objects):
    return attach_states(objects)


@register.inclusion_tag("workspace/includes/translation_badges.html")
def translation_badges(obj):
    return {"state": translation_state(obj)}
