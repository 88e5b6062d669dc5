import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models


class AddIndexOnPostgres(migrations.AddIndex):
    """A GIN index exists only on PostgreSQL; SQLite (make run) keeps the state without it."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):

    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(max_length=30, verbose_name="laji")),
                ("object_id", models.PositiveBigIntegerField()),
                ("language", models.CharField(max_length=2, verbose_name="kieli")),
                ("title", models.CharField(max_length=300, verbose_name="otsikko")),
                ("body", models.TextField(blank=True, verbose_name="teksti")),
                ("url", models.CharField(max_length=500, verbose_name="osoite")),
                ("themes", models.CharField(blank=True, default="|", max_length=200, verbose_name="teemat")),
                ("vector", django.contrib.postgres.search.SearchVectorField(blank=True, null=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "verbose_name": "hakuhakemiston rivi",
                "verbose_name_plural": "hakuhakemisto",
                "indexes": [models.Index(fields=["language", "kind"], name="search_doc_lang_kind")],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("kind", "object_id", "language"), name="search_document_unique"
                    )
                ],
            },
        ),
        AddIndexOnPostgres(
            model_name="searchdocument",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["vector"], name="search_doc_vector_gin"
            ),
        ),
    ]
