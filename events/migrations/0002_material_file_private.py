"""Event materials move to the private storage: events.views.material_download hands
them out as downloads while the event is visible. The files are moved, not copied, and
the move can run again (an interrupted upgrade loses nothing).
"""

from django.core.files.storage import storages
from django.db import migrations

import core.files


def move_materials(apps, schema_editor):
    EventMaterial = apps.get_model("events", "EventMaterial")
    names = set(EventMaterial.objects.exclude(file="").values_list("file", flat=True))
    names |= set(core.files.files_under(storages["default"], "events/materials"))
    core.files.move_to_private(sorted(names))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="eventmaterial",
            name="file",
            field=core.files.PrivateFileField(
                blank=True, upload_to="events/materials/", verbose_name="tiedosto"
            ),
        ),
        migrations.RunPython(move_materials, migrations.RunPython.noop, elidable=True),
    ]
