"""Responses that came through an event's participants belong to the event's organisers.

Until now they were attributed only by the respondent's answer to the project question
(or to none), and showed as "Hanke ei tiedossa". The rule is Collector.response_project_id:
the event's only organiser; with several, the one the respondent named, else none.
"""

from django.db import migrations


def attribute_event_responses(apps, schema_editor):
    Collector = apps.get_model("surveys", "Collector")
    Response = apps.get_model("surveys", "Response")
    for collector in Collector.objects.filter(kind="event").prefetch_related("event__projects"):
        organisers = [project.pk for project in collector.event.projects.all()]
        responses = Response.objects.filter(collector=collector)
        if len(organisers) == 1:
            responses.exclude(project_id=organisers[0]).update(project_id=organisers[0])
        else:
            responses.exclude(project__in=organisers).update(project=None)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("surveys", "0004_invitation_erased_without_address"),
    ]

    operations = [
        migrations.RunPython(attribute_event_responses, migrations.RunPython.noop),
    ]
