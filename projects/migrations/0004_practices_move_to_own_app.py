"""The practice models move to the practices app: only Django's idea of them moves.

The tables stay as they are (practices.models keeps their names in Meta.db_table);
practices 0001 takes the models over in the state, 0002 relabels their content types.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('projects', '0003_logo_pipeline_attachments_private'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveConstraint(
                    model_name='adoption',
                    name='adoption_unique',
                ),
                migrations.RemoveConstraint(
                    model_name='followuprequest',
                    name='followup_request_unique',
                ),
                migrations.RemoveField(
                    model_name='followupround',
                    name='practices',
                ),
                migrations.RemoveField(
                    model_name='followupround',
                    name='started_by',
                ),
                migrations.RemoveField(
                    model_name='practice',
                    name='projects',
                ),
                migrations.RemoveField(
                    model_name='practice',
                    name='themes',
                ),
                migrations.RemoveField(
                    model_name='practiceattachment',
                    name='practice',
                ),
                migrations.RemoveField(
                    model_name='adoption',
                    name='organisation',
                ),
                migrations.RemoveField(
                    model_name='adoption',
                    name='practice',
                ),
                migrations.RemoveField(
                    model_name='followuprequest',
                    name='adoption',
                ),
                migrations.RemoveField(
                    model_name='followuprequest',
                    name='round',
                ),
                migrations.DeleteModel(
                    name='PracticeLink',
                ),
                migrations.DeleteModel(
                    name='PracticeAttachment',
                ),
                migrations.DeleteModel(
                    name='Practice',
                ),
                migrations.DeleteModel(
                    name='Adoption',
                ),
                migrations.DeleteModel(
                    name='FollowUpRequest',
                ),
                migrations.DeleteModel(
                    name='FollowUpRound',
                ),
            ],
        ),
    ]
