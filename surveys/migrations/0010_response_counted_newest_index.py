"""The newest counted response of a survey in one index probe: the stamp that keys the
dashboard's cached figures (reports.survey_report.figures_stamp) instead of a count of
every counted response on each page."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0009_saveddraft_invitation"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="response",
            index=models.Index(
                condition=models.Q(("completed_at__isnull", False), ("is_test", False)),
                fields=["survey", "id"],
                name="response_counted_newest",
            ),
        ),
    ]
