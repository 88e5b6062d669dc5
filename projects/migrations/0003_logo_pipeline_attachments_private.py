"""Practice attachments move to the private storage (the practice's view hands them out
while the practice is visible); existing logos are re-encoded by the image pipeline, so
that no EXIF or GPS data stay on the public site. Both steps can run again.
"""

import core.attachments
import practices.models
import core.files
import core.images
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import migrations


def move_attachments(apps, schema_editor):
    PracticeAttachment = apps.get_model("projects", "PracticeAttachment")
    names = set(PracticeAttachment.objects.values_list("file", flat=True))
    names |= set(core.files.files_under(storages["default"], "practices/attachments"))
    core.files.move_to_private(sorted(names))


def reencode_logos(apps, schema_editor):
    Project = apps.get_model("projects", "Project")
    storage = storages["default"]
    for project in Project.objects.exclude(logo="").only("pk", "logo"):
        name = project.logo.name
        if not storage.exists(name):
            continue
        try:
            with storage.open(name, "rb") as upload:
                cleaned = core.images.clean_image(upload, max_side=640)
        except ValidationError:
            continue  # not an image the pipeline accepts: left as it was
        new_name = storage.save(f"projects/logos/{cleaned.content.name}", cleaned.content)
        Project.objects.filter(pk=project.pk).update(logo=new_name)
        storage.delete(name)


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0002_practices"),
    ]

    operations = [
        migrations.AlterField(
            model_name="practiceattachment",
            name="file",
            field=core.files.PrivateFileField(
                help_text="PDF, DOCX, PPTX tai ODT.",
                max_length=200,
                upload_to=practices.models.attachment_path,
                validators=[core.attachments.validate_attachment],
                verbose_name="tiedosto",
            ),
        ),
        migrations.AlterField(
            model_name="project",
            name="logo",
            field=core.images.ImageUploadField(
                blank=True,
                help_text="JPEG-, PNG- tai WebP-kuva. Kuvan sijaintitiedot ja muut metatiedot poistetaan.",
                max_side=640,
                upload_to="projects/logos/",
                verbose_name="logo",
            ),
        ),
        migrations.RunPython(move_attachments, migrations.RunPython.noop, elidable=True),
        migrations.RunPython(reencode_logos, migrations.RunPython.noop, elidable=True),
    ]
