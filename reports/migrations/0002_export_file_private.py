"""Exports move to the private storage: no /media/ URL reaches them any more.

The files already written under MEDIA_ROOT/exports/ are moved, not copied, and the
move can run again (an interrupted upgrade loses nothing).
"""

from django.core.files.storage import storages
from django.db import migrations

import core.files


def move_exports(apps, schema_editor):
    Export = apps.get_model("reports", "Export")
    names = set(Export.objects.exclude(file="").values_list("file", flat=True))
    names |= set(core.files.files_under(storages["default"], "exports"))
    core.files.move_to_private(sorted(names))


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="export",
            name="file",
            field=core.files.PrivateFileField(blank=True, upload_to="exports/%Y/%m/"),
        ),
        migrations.RunPython(move_exports, migrations.RunPython.noop, elidable=True),
    ]
