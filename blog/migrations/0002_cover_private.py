"""Covers move to the private storage: a draft's or scheduled post's cover had a public
/media/ address. The files (covers and their renditions) are moved, not copied, and the
move can run again (an interrupted upgrade loses nothing). blog.views.cover serves them.
"""

from django.core.files.storage import storages
from django.db import migrations

import core.files
import core.images


def move_covers(apps, schema_editor):
    Post = apps.get_model("blog", "Post")
    names = set()
    for cover, renditions in Post.objects.exclude(cover_image="").values_list(
        "cover_image", "cover_renditions"
    ):
        names.add(cover)
        names.update(item["name"] for item in (renditions or {}).get("items", []))
    public = storages["default"]
    for folder in ("blog/covers", "blog/renditions"):
        names.update(core.files.files_under(public, folder))
    core.files.move_to_private(sorted(names))


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="post",
            name="cover_image",
            field=core.images.ImageUploadField(
                blank=True,
                height_field="cover_height",
                help_text=(
                    "JPEG-, PNG- tai WebP-kuva, enintään 8 Mt ja 24 megapikseliä. "
                    "Kuvan sijaintitiedot ja muut metatiedot poistetaan."
                ),
                min_side=200,
                storage=core.files.private_storage,
                upload_to="blog/covers/%Y/",
                verbose_name="kansikuva",
                width_field="cover_width",
            ),
        ),
        migrations.RunPython(move_covers, migrations.RunPython.noop, elidable=True),
    ]
