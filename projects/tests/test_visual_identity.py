"""The site's look: one colour per theme with readable text, theme colours and project
marks where projects appear, and a footer naming the funder in both languages."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from projects.models import Project
from projects.tests.factories import ProjectFactory, ThemeFactory
from reports.charts import contrast

SITE_CSS = Path(settings.BASE_DIR) / "static" / "css" / "site.css"


def theme_colours() -> dict[int, str]:
    css = SITE_CSS.read_text()
    return {
        int(n): colour
        for n, colour in re.findall(r"\.theme-(\d+) \{ --theme: (#[0-9a-fA-F]{6}); \}", css)
    }


def test_each_of_the_four_themes_has_a_colour_white_text_reads_on():
    colours = theme_colours()
    assert sorted(colours) == [1, 2, 3, 4]
    assert len(set(colours.values())) == 4
    for number, colour in colours.items():
        assert contrast(colour, "#ffffff") >= 4.5, f"theme {number}: {colour}"


def test_font_files_named_in_the_stylesheet_are_served_from_the_site():
    css = SITE_CSS.read_text()
    fonts = re.findall(r'url\("\.\./fonts/([^"]+)"\)', css)
    assert fonts
    for name in fonts:
        assert (SITE_CSS.parent.parent / "fonts" / name).is_file(), name
    assert "//" not in "".join(re.findall(r"url\(([^)]*)\)", css))


@pytest.mark.django_db
def test_project_cards_carry_their_theme_colour_and_mark(client):
    theme = ThemeFactory(number=3, name_fi="Arjenhallinta")
    ProjectFactory(name_fi="Arki haltuun", short_name_fi="Arki", themes=[theme])
    for path in ("/fi/", theme.get_absolute_url()):
        html = client.get(path).content.decode()
        assert '<li class="card theme-3">' in html, path
        assert '<span class="project-mark" aria-hidden="true">Arki</span>' in html, path
        assert '<li class="theme-3">Arjenhallinta</li>' in html, path


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "funder", "mark"),
    [("/fi/", "Opetushallitus rahoittaa", ">OPH<"), ("/sv/", "Utbildningsstyrelsen", ">UBS<")],
)
def test_footer_names_the_funder_hashtags_and_accessibility_statement(client, path, funder, mark):
    ProjectFactory(kind=Project.Kind.COORDINATION, name_fi="Välitä!")
    html = client.get(path).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert funder in footer
    assert mark in footer
    assert "#VisaOmtanke" in footer
    with translation.override(path.strip("/")):
        assert f'href="{reverse("accessibility_statement")}"' in footer
