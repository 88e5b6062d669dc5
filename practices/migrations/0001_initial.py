"""The practice models, taken over from the projects app with their tables and rows.

State only: the tables were created by projects 0002 and 0003 and keep their names
(Meta.db_table); projects 0004 removed the models from that app's state.
"""

import django.db.models.deletion
import django.utils.timezone
import core.attachments
import practices.models
import uuid
import core.files
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('projects', '0004_practices_move_to_own_app'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='Practice',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='otsikko')),
                        ('title_fi', models.CharField(max_length=200, null=True, verbose_name='otsikko')),
                        ('title_sv', models.CharField(max_length=200, null=True, verbose_name='otsikko')),
                        ('slug', models.SlugField(max_length=200, unique=True, verbose_name='osoitteen tunniste')),
                        ('slug_fi', models.SlugField(max_length=200, null=True, unique=True, verbose_name='osoitteen tunniste')),
                        ('slug_sv', models.SlugField(max_length=200, null=True, unique=True, verbose_name='osoitteen tunniste')),
                        ('summary', models.TextField(max_length=600, verbose_name='tiivistelmä')),
                        ('summary_fi', models.TextField(max_length=600, null=True, verbose_name='tiivistelmä')),
                        ('summary_sv', models.TextField(max_length=600, null=True, verbose_name='tiivistelmä')),
                        ('problem', models.TextField(blank=True, help_text='Kerro, mikä ongelma tai tarve mallin taustalla on.', verbose_name='mihin tarpeeseen malli vastaa')),
                        ('problem_fi', models.TextField(blank=True, help_text='Kerro, mikä ongelma tai tarve mallin taustalla on.', null=True, verbose_name='mihin tarpeeseen malli vastaa')),
                        ('problem_sv', models.TextField(blank=True, help_text='Kerro, mikä ongelma tai tarve mallin taustalla on.', null=True, verbose_name='mihin tarpeeseen malli vastaa')),
                        ('target_group', models.CharField(choices=[('students', 'Opiskelijat'), ('staff', 'Opettajat ja henkilöstö'), ('leadership', 'Johto'), ('workplaces', 'Työpaikat ja työpaikkaohjaajat'), ('community', 'Koko oppilaitosyhteisö')], default='students', max_length=20, verbose_name='kohderyhmä')),
                        ('target_group_details', models.CharField(blank=True, max_length=300, verbose_name='kohderyhmän tarkennus')),
                        ('target_group_details_fi', models.CharField(blank=True, max_length=300, null=True, verbose_name='kohderyhmän tarkennus')),
                        ('target_group_details_sv', models.CharField(blank=True, max_length=300, null=True, verbose_name='kohderyhmän tarkennus')),
                        ('steps', models.TextField(blank=True, help_text='Yksi vaihe riviä kohden, siinä järjestyksessä kuin ne tehdään.', verbose_name='käyttöönoton vaiheet')),
                        ('steps_fi', models.TextField(blank=True, help_text='Yksi vaihe riviä kohden, siinä järjestyksessä kuin ne tehdään.', null=True, verbose_name='käyttöönoton vaiheet')),
                        ('steps_sv', models.TextField(blank=True, help_text='Yksi vaihe riviä kohden, siinä järjestyksessä kuin ne tehdään.', null=True, verbose_name='käyttöönoton vaiheet')),
                        ('resources', models.TextField(blank=True, help_text='Kerro, ketä, mitä ja kuinka paljon aikaa käyttöönotto vaatii.', verbose_name='tarvittavat resurssit ja aika')),
                        ('resources_fi', models.TextField(blank=True, help_text='Kerro, ketä, mitä ja kuinka paljon aikaa käyttöönotto vaatii.', null=True, verbose_name='tarvittavat resurssit ja aika')),
                        ('resources_sv', models.TextField(blank=True, help_text='Kerro, ketä, mitä ja kuinka paljon aikaa käyttöönotto vaatii.', null=True, verbose_name='tarvittavat resurssit ja aika')),
                        ('evaluation', models.TextField(blank=True, verbose_name='mitä opittiin ja miten mallia arvioitiin')),
                        ('evaluation_fi', models.TextField(blank=True, null=True, verbose_name='mitä opittiin ja miten mallia arvioitiin')),
                        ('evaluation_sv', models.TextField(blank=True, null=True, verbose_name='mitä opittiin ja miten mallia arvioitiin')),
                        ('contact_name', models.CharField(blank=True, max_length=150, verbose_name='yhteyshenkilö')),
                        ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='yhteyshenkilön sähköposti')),
                        ('status', models.CharField(choices=[('developing', 'Kehitteillä'), ('ready', 'Käyttövalmis'), ('established', 'Vakiintunut')], default='ready', max_length=20, verbose_name='vaihe')),
                        ('licence', models.CharField(choices=[('cc-by-4.0', 'CC BY 4.0'), ('cc-by-sa-4.0', 'CC BY-SA 4.0'), ('cc-by-nc-4.0', 'CC BY-NC 4.0'), ('cc0-1.0', 'CC0 1.0'), ('reserved', 'Kaikki oikeudet pidätetään')], default='cc-by-4.0', max_length=20, verbose_name='lisenssi')),
                        ('is_published', models.BooleanField(default=False, verbose_name='julkaistu')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='luotu')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='muokattu')),
                        ('projects', models.ManyToManyField(related_name='practices', to='projects.project', verbose_name='kehittäneet hankkeet')),
                        ('themes', models.ManyToManyField(blank=True, related_name='practices', to='projects.theme', verbose_name='teemat')),
                    ],
                    options={
                        'verbose_name': 'toimintamalli',
                        'verbose_name_plural': 'toimintamallit',
                        'db_table': 'projects_practice',
                        'ordering': ['title', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='FollowUpRound',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='nimi')),
                        ('months_after', models.PositiveSmallIntegerField(blank=True, help_text='Esimerkiksi 12 tai 24.', null=True, verbose_name='kuukautta hankkeen päättymisestä')),
                        ('started_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='aloitettu')),
                        ('closes_at', models.DateTimeField(verbose_name='vastauslinkit voimassa')),
                        ('remind_after_days', models.PositiveSmallIntegerField(default=7, verbose_name='muistutus, kun päiviä on kulunut')),
                        ('started_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='aloittaja')),
                        ('practices', models.ManyToManyField(related_name='followup_rounds', to='practices.practice', verbose_name='toimintamallit')),
                    ],
                    options={
                        'verbose_name': 'seurantakierros',
                        'verbose_name_plural': 'seurantakierrokset',
                        'db_table': 'projects_followupround',
                        'ordering': ['-started_at', '-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Adoption',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('since', models.DateField(verbose_name='käytössä alkaen')),
                        ('depth', models.CharField(choices=[('tried', 'Kokeiltu'), ('in_use', 'Käytössä'), ('embedded', 'Kirjattu strategiaan, opetussuunnitelmaan tai vuosisuunnitelmaan')], default='in_use', max_length=20, verbose_name='juurtuminen')),
                        ('status', models.CharField(choices=[('active', 'Käytössä'), ('changed', 'Käytössä muutettuna'), ('discontinued', 'Ei enää käytössä')], default='active', max_length=20, verbose_name='tila')),
                        ('ended_on', models.DateField(blank=True, null=True, verbose_name='käyttö päättyi')),
                        ('contact_name', models.CharField(blank=True, max_length=150, verbose_name='yhteyshenkilö')),
                        ('contact_email', models.EmailField(blank=True, help_text='Seurantakyselyt lähetetään tähän osoitteeseen.', max_length=254, verbose_name='yhteyshenkilön sähköposti')),
                        ('contact_language', models.CharField(choices=[('fi', 'Suomi'), ('sv', 'Svenska')], default='fi', max_length=2, verbose_name='yhteyshenkilön kieli')),
                        ('last_confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='käyttö vahvistettu viimeksi')),
                        ('notes', models.TextField(blank=True, verbose_name='muistiinpanot')),
                        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='adoptions', to='projects.organisation', verbose_name='organisaatio')),
                        ('practice', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='adoptions', to='practices.practice', verbose_name='toimintamalli')),
                    ],
                    options={
                        'verbose_name': 'käyttöönotto',
                        'verbose_name_plural': 'käyttöönotot',
                        'db_table': 'projects_adoption',
                        'ordering': ['organisation__name', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='PracticeAttachment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='otsikko')),
                        ('title_fi', models.CharField(max_length=200, null=True, verbose_name='otsikko')),
                        ('title_sv', models.CharField(max_length=200, null=True, verbose_name='otsikko')),
                        ('file', core.files.PrivateFileField(help_text='PDF, DOCX, PPTX tai ODT.', max_length=200, upload_to=practices.models.attachment_path, validators=[core.attachments.validate_attachment], verbose_name='tiedosto')),
                        ('kind', models.CharField(blank=True, editable=False, max_length=10, verbose_name='tiedostomuoto')),
                        ('size', models.PositiveIntegerField(default=0, editable=False, verbose_name='koko')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='järjestys')),
                        ('practice', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attachments', to='practices.practice', verbose_name='toimintamalli')),
                    ],
                    options={
                        'verbose_name': 'liite',
                        'verbose_name_plural': 'liitteet',
                        'db_table': 'projects_practiceattachment',
                        'ordering': ['order', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='PracticeLink',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='otsikko')),
                        ('title_fi', models.CharField(max_length=200, null=True, verbose_name='otsikko')),
                        ('title_sv', models.CharField(max_length=200, null=True, verbose_name='otsikko')),
                        ('url', models.URLField(verbose_name='osoite')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='järjestys')),
                        ('practice', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='links', to='practices.practice', verbose_name='toimintamalli')),
                    ],
                    options={
                        'verbose_name': 'linkki',
                        'verbose_name_plural': 'linkit',
                        'db_table': 'projects_practicelink',
                        'ordering': ['order', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='FollowUpRequest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('token', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                        ('email', models.EmailField(max_length=254, verbose_name='sähköposti')),
                        ('language', models.CharField(choices=[('fi', 'Suomi'), ('sv', 'Svenska')], default='fi', max_length=2, verbose_name='kieli')),
                        ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='lähetetty')),
                        ('reminded_at', models.DateTimeField(blank=True, null=True, verbose_name='muistutettu')),
                        ('answered_at', models.DateTimeField(blank=True, null=True, verbose_name='vastattu')),
                        ('answer', models.CharField(blank=True, choices=[('in_use', 'Malli on edelleen käytössä'), ('changed', 'Malli on käytössä muutettuna'), ('discontinued', 'Malli ei ole enää käytössä')], max_length=20, verbose_name='vastaus')),
                        ('depth', models.CharField(blank=True, choices=[('tried', 'Kokeiltu'), ('in_use', 'Käytössä'), ('embedded', 'Kirjattu strategiaan, opetussuunnitelmaan tai vuosisuunnitelmaan')], max_length=20, verbose_name='juurtuminen')),
                        ('comment', models.TextField(blank=True, max_length=2000, verbose_name='perustelu tai muutokset')),
                        ('adoption', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='followup_requests', to='practices.adoption', verbose_name='käyttöönotto')),
                        ('round', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='requests', to='practices.followupround', verbose_name='kierros')),
                    ],
                    options={
                        'verbose_name': 'seurantakysely',
                        'verbose_name_plural': 'seurantakyselyt',
                        'db_table': 'projects_followuprequest',
                        'ordering': ['pk'],
                        'constraints': [models.UniqueConstraint(fields=('round', 'adoption'), name='followup_request_unique', violation_error_message='Tälle käyttöönotolle on jo kysely tällä kierroksella.')],
                    },
                ),
                migrations.AddConstraint(
                    model_name='adoption',
                    constraint=models.UniqueConstraint(fields=('practice', 'organisation'), name='adoption_unique', violation_error_message='Organisaatio on jo merkitty tämän mallin käyttäjäksi.'),
                ),
            ],
        ),
    ]
