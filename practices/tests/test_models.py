"""Practice model helpers and the dashboard numbers: in use 1 and 2 years after the project."""

from datetime import UTC, date, datetime

import pytest
from django.utils import translation

from practices.models import Adoption, Practice
from practices.tests.factories import AdoptionFactory, PracticeFactory
from projects.tests.factories import ProjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def at(year, month, day):
    return datetime(year, month, day, 12, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _finnish():
    with translation.override("fi"):
        yield


def test_steps_are_one_per_line_and_slugs_are_filled():
    practice = PracticeFactory(steps_fi="- Sovi\n\n• Kokeile\n", slug_sv="", title_sv="Modell ett")
    assert practice.step_list == ["Sovi", "Kokeile"]
    assert practice.slug_sv == "modell-ett"
    assert practice.licence_url == "https://creativecommons.org/licenses/by/4.0/"


def test_one_adoption_per_organisation_and_practice():
    from django.core.exceptions import ValidationError

    adoption = AdoptionFactory()
    duplicate = Adoption(
        practice=adoption.practice, organisation=adoption.organisation, since=date(2025, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "Organisaatio on jo merkitty tämän mallin käyttäjäksi." in str(error.value)


@pytest.fixture
def network():
    """Two projects that ended 31.12.2023 and 31.12.2024, four practices, two themes."""
    theme_a, theme_b = ThemeFactory(), ThemeFactory()
    early = ProjectFactory(ends_on=date(2023, 12, 31), starts_on=date(2022, 1, 1))
    late = ProjectFactory(ends_on=date(2024, 12, 31), starts_on=date(2023, 1, 1))
    open_ended = ProjectFactory(ends_on=None)
    # In use two years after: confirmed 1.2.2026 (> 31.12.2023 + 730 days).
    p1 = PracticeFactory(projects=[early], themes=[theme_a])
    AdoptionFactory(practice=p1, last_confirmed_at=at(2026, 2, 1))
    AdoptionFactory(practice=p1, last_confirmed_at=at(2025, 3, 1))  # counted once
    # In use one year after only: confirmed 1.6.2025.
    p2 = PracticeFactory(projects=[early], themes=[theme_a, theme_b])
    AdoptionFactory(practice=p2, last_confirmed_at=at(2025, 6, 1))
    # Confirmed before the project ended: not "after".
    p3 = PracticeFactory(projects=[late], themes=[theme_b])
    AdoptionFactory(practice=p3, last_confirmed_at=at(2024, 6, 1))
    # Developed by both projects: one year after `early`, not after `late`.
    p4 = PracticeFactory(projects=[early, late], themes=[theme_b])
    AdoptionFactory(practice=p4, last_confirmed_at=at(2025, 1, 15))
    # Never confirmed, and a practice of a project without an end date.
    PracticeFactory(projects=[late])
    PracticeFactory(projects=[open_ended])
    return {"early": early, "late": late, "a": theme_a, "b": theme_b}


def test_in_use_after_project_end_per_project(network, django_assert_num_queries):
    with django_assert_num_queries(2):
        stats = Practice.objects.in_use_after_project_end()
    rows = {row["project_id"]: row for row in stats["by_project"]}
    assert set(rows) == {network["early"].pk, network["late"].pk}
    early, late = rows[network["early"].pk], rows[network["late"].pk]
    assert (early["practices"], early["in_use_1y"], early["in_use_2y"]) == (3, 3, 1)
    assert (late["practices"], late["in_use_1y"], late["in_use_2y"]) == (3, 0, 0)
    assert early["ends_on"] == date(2023, 12, 31)


def test_in_use_after_project_end_per_theme(network):
    rows = {row["theme_id"]: row for row in Practice.objects.in_use_after_project_end()["by_theme"]}
    a, b = rows[network["a"].pk], rows[network["b"].pk]
    assert (a["practices"], a["in_use_1y"], a["in_use_2y"]) == (2, 2, 1)
    # p2 (early, 1y), p3 (late, none), p4 (1y after early)
    assert (b["practices"], b["in_use_1y"], b["in_use_2y"]) == (3, 2, 0)


def test_in_use_after_project_end_respects_the_queryset(network):
    stats = Practice.objects.published().filter(themes=network["a"]).in_use_after_project_end()
    assert [row["project_id"] for row in stats["by_project"]] == [network["early"].pk]


def test_personal_data_of_contacts_is_exported_and_erased():
    from core.personal_data import sections
    from practices.models import FollowUpRequest, FollowUpRound

    adoption = AdoptionFactory(contact_email="Yhteys@Example.org", contact_name="Maija")
    from django.utils import timezone

    round = FollowUpRound.objects.create(title="K", closes_at=timezone.now())
    FollowUpRequest.objects.create(round=round, adoption=adoption, email="yhteys@example.org")
    by_name = {section.name: section for section in sections()}
    exported = by_name["projects.practice_contacts"].export("yhteys@example.org", None)
    assert exported["adoptions"][0]["contact_name"] == "Maija"
    assert by_name["projects.followup_requests"].export("yhteys@example.org", None)
    assert by_name["projects.practice_contacts"].erase("yhteys@example.org", None) == 1
    assert by_name["projects.followup_requests"].erase("yhteys@example.org", None) == 1
    adoption.refresh_from_db()
    assert adoption.contact_email == "" and adoption.contact_name == ""
