"""Site search: stemming in both languages on PostgreSQL, ranking, excerpts, filters,
odd input, an index kept current per object, the source registry and the SQLite match."""

import pytest
from django.utils import timezone

from events.models import Event
from events.tests.factories import EventFactory
from practices.models import Practice
from practices.tests.factories import PracticeFactory
from projects.models import Organisation
from projects.tests.factories import OrganisationFactory, ProjectFactory, ThemeFactory
from search import registry, services
from search.indexing import register_source, reindex, written_in
from search.models import SearchDocument
from search.registry import SearchSource
from search.tests.helpers import result_titles

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.requires_postgresql("full-text search runs on PostgreSQL")


@pytest.fixture
def content():
    theme = ThemeFactory(
        name_fi="Osallisuus", name_sv="Delaktighet", slug_fi="osallisuus", slug_sv="delaktighet"
    )
    project = ProjectFactory(
        name_fi="Ääni kuuluviin",
        name_sv="Rösten hörs",
        slug_fi="aani",
        slug_sv="aani",
        summary_fi="Hanke kehittää opiskelijoiden osallisuutta.",
        summary_sv="Projektet utvecklar studerandes delaktighet.",
        themes=[theme],
    )
    practice = PracticeFactory(
        title_fi="Kehittäjäopiskelijamalli",
        title_sv="Utvecklarstuderande",
        summary_fi="Opiskelijat tuovat äänensä johtoryhmään.",
        summary_sv="Studerande för fram sin röst till ledningsgruppen.",
        projects=[project],
        themes=[theme],
    )
    event = EventFactory(
        title_fi="Verkostotapaaminen",
        title_sv="Nätverksträff",
        description_fi="<p>Kerromme hankkeiden tuloksista.</p>",
        description_sv="<p>Vi berättar om projekten och deras resultat.</p>",
        projects=[project],
    )
    return {"theme": theme, "project": project, "practice": practice, "event": event}


@postgres_only
def test_finnish_stemming_finds_hanke_with_hankkeet(client, content):
    ProjectFactory(name_fi="Hanke yksi", summary_fi="Pieni hanke.", slug_fi="hanke-yksi")
    titles = result_titles(client.get("/fi/haku/?q=hankkeet"))
    assert "Hanke yksi" in titles
    assert "Verkostotapaaminen" in titles  # "hankkeiden" in the description


@postgres_only
def test_swedish_stemming_finds_projekt_with_projekten(client, content):
    ProjectFactory(name_fi="Hanke", name_sv="Ett projekt", summary_sv="Ett litet projekt.")
    titles = result_titles(client.get("/sv/sok/?q=projekten"))
    assert "Ett projekt" in titles
    assert "Nätverksträff" in titles  # "projekten" in the description


@postgres_only
def test_search_is_in_the_visitors_language(client, content):
    assert result_titles(client.get("/sv/sok/?q=utvecklarstuderande")) == ["Utvecklarstuderande"]
    assert result_titles(client.get("/fi/haku/?q=utvecklarstuderande")) == []
    assert "Kehittäjäopiskelijamalli" in result_titles(client.get("/fi/haku/?q=opiskelijat"))


@postgres_only
def test_title_ranks_above_body(client, content):
    PracticeFactory(title_fi="Palautemalli", summary_fi="Tapaamiset ja palaute.")
    PracticeFactory(title_fi="Tapaamiset", summary_fi="Lyhyt kuvaus.")
    titles = result_titles(client.get("/fi/haku/?q=tapaamiset&tyyppi=practice"))
    assert titles[0] == "Tapaamiset"


@postgres_only
def test_excerpt_highlights_matches_and_escapes_the_text(client):
    PracticeFactory(
        title_fi="Turvallisuus",
        summary_fi="Paranee turvallisuus, kun 3 < 5 & <script>alert(1)</script> on poissa.",
    )
    html = client.get("/fi/haku/?q=turvallisuus").content.decode()
    assert "<mark>turvallisuus</mark>" in html
    assert "<mark>turvallisuus</mark>, kun 3 &lt; 5 &amp;" in html
    assert "<script>alert(1)" not in html


def test_kind_and_theme_filters(client, content):
    other = PracticeFactory(title_fi="Toinen opiskelijamalli", summary_fi="Opiskelijat.")
    response = client.get("/fi/haku/?q=opiskelijat&tyyppi=practice")
    assert set(result_titles(response)) == {"Kehittäjäopiskelijamalli", other.title_fi}
    response = client.get("/fi/haku/?q=opiskelijat&tyyppi=practice&teema=osallisuus")
    assert result_titles(response) == ["Kehittäjäopiskelijamalli"]
    html = client.get("/fi/haku/?q=opiskelijat").content.decode()
    assert "Toimintamalli (2)" in html


@pytest.mark.parametrize(
    "query",
    [
        '"kehittäjä opiskelija"',
        "opiskelijat OR hanke",
        "-opiskelijat",
        "hanke & | ! :* ()",
        "😀🎉",
        "a" * 2000,
        "'; DROP TABLE search_searchdocument; --",
        "%_\\",
        "<script>alert(1)</script>",
        "   ",
    ],
)
def test_odd_queries_answer_results_or_nothing_found(client, content, query):
    for url in ("/fi/haku/", "/sv/sok/"):
        response = client.get(url, {"q": query})
        assert response.status_code == 200
        html = response.content.decode()
        assert "<script>alert(1)</script>" not in html
        if query.strip():
            assert (
                "ei löytynyt mitään" in html
                or "gav inga träffar" in html
                or "search-results" in html
            )


def test_a_nul_in_the_query_is_refused_at_the_edge(client, content):
    # core/input_guard.py: the site's own 400 page, never a 500 from PostgreSQL.
    for url in ("/fi/haku/", "/sv/sok/"):
        response = client.get(url, {"q": "\x00nul"})
        assert response.status_code == 400
        assert "<main" in response.content.decode()


def test_long_query_is_cut_with_a_note(client, content):
    html = client.get("/fi/haku/", {"q": "opiskelijat " * 300}).content.decode()
    assert "Hakusanoja oli paljon" in html


def test_empty_search_shows_the_form_only(client, content, django_assert_num_queries):
    # themes for the filter (the next publish times are reckoned when content is saved)
    with django_assert_num_queries(1):
        response = client.get("/fi/haku/")
    assert response.status_code == 200
    assert 'id="search-q"' in response.content.decode()


def test_index_follows_saves_unpublishing_and_deletes(content):
    practice = content["practice"]
    docs = SearchDocument.objects.filter(kind="practice", object_id=practice.pk)
    assert set(docs.values_list("language", "title")) == {
        ("fi", "Kehittäjäopiskelijamalli"),
        ("sv", "Utvecklarstuderande"),
    }
    practice.title_fi = "Uusi nimi"
    practice.save()
    assert docs.get(language="fi").title == "Uusi nimi"
    practice.is_published = False
    practice.save()
    assert not docs.exists()
    practice.is_published = True
    practice.save()
    assert docs.count() == 2
    practice.delete()
    assert not docs.exists()


def test_index_follows_theme_changes_from_both_sides(content):
    practice, theme = content["practice"], content["theme"]
    doc = SearchDocument.objects.get(kind="practice", object_id=practice.pk, language="fi")
    assert doc.themes == f"|{theme.pk}|"
    new = ThemeFactory()
    new.practices.add(practice)
    doc.refresh_from_db()
    assert doc.themes == f"|{theme.pk}|{new.pk}|"
    practice.themes.clear()
    doc.refresh_from_db()
    assert doc.themes == "|"


def test_draft_events_are_not_indexed():
    draft = EventFactory(status=Event.Status.DRAFT)
    assert not SearchDocument.objects.filter(kind="event", object_id=draft.pk).exists()


@postgres_only
def test_vectors_are_built_with_the_languages_configuration(content):
    fi = SearchDocument.objects.get(kind="project", object_id=content["project"].pk, language="fi")
    sv = SearchDocument.objects.get(kind="project", object_id=content["project"].pk, language="sv")
    assert "'hank'" in str(fi.vector)  # Finnish stem of "hanke"
    assert "'studer'" in str(sv.vector)  # Swedish stem of "studerandes"
    assert "'röst':1A" in str(sv.vector)  # the title weighs most


def test_reindex_rebuilds_and_removes_stale_rows(content):
    SearchDocument.objects.all().delete()
    SearchDocument.objects.create(
        kind="practice", object_id=999999, language="fi", title="x", url="/"
    )
    count = reindex()
    assert count >= 4
    assert not SearchDocument.objects.filter(object_id=999999).exists()
    assert SearchDocument.objects.filter(kind="practice").count() == 2


def test_another_app_can_register_a_source(client, content):
    source = SearchSource(
        kind="organisation",
        label="Organisaatio",
        model=Organisation,
        public=Organisation.objects.all,
        title=lambda obj, lang: obj.name,
        body=lambda obj, lang: obj.municipality,
        languages=written_in("name"),
    )
    Organisation.get_absolute_url = lambda self: f"/fi/org/{self.pk}/"
    try:
        register_source(source)
        OrganisationFactory(name_fi="Rannikkoseudun ammattiopisto", municipality="Vaasa")
        response = client.get("/fi/haku/?q=vaasa")
        assert "Rannikkoseudun ammattiopisto" in result_titles(response)
        assert "Organisaatio" in response.content.decode()
    finally:
        registry._sources.pop("organisation")
        from django.db.models.signals import post_delete, post_save

        post_save.disconnect(sender=Organisation, dispatch_uid="search-organisation")
        post_delete.disconnect(sender=Organisation, dispatch_uid="search-organisation")
        del Organisation.get_absolute_url


def test_simple_match_fallback_used_on_sqlite(client, content, monkeypatch):
    monkeypatch.setattr(services, "uses_full_text", lambda: False)
    response = client.get("/fi/haku/?q=Opiskelijat johtoryhmään")
    assert result_titles(response) == ["Kehittäjäopiskelijamalli"]
    assert "<mark>Opiskelijat</mark>" in response.content.decode()
    assert result_titles(client.get("/fi/haku/?q=kehittäjä&tyyppi=practice")) == [
        "Kehittäjäopiskelijamalli"
    ]


def test_documents_keep_their_language_urls(content):
    practice = content["practice"]
    urls = dict(
        SearchDocument.objects.filter(kind="practice", object_id=practice.pk).values_list(
            "language", "url"
        )
    )
    assert urls == {
        "fi": f"/fi/kaytannot/{practice.slug_fi}/",
        "sv": f"/sv/praxis/{practice.slug_sv}/",
    }


def test_practice_found_by_its_steps(client, content):
    PracticeFactory(title_fi="Malli", steps_fi="Nimeä vastuuhenkilö\nPidä työpaja")
    assert "Malli" in result_titles(client.get("/fi/haku/?q=vastuuhenkilö"))


@pytest.mark.django_db(transaction=True)
def test_the_index_row_save_does_not_retire_cached_pages(content):
    from core.content_cache import current_generations, forget_local
    from core.signals import scopes_of_model

    assert scopes_of_model(SearchDocument) == ()
    before = current_generations()
    SearchDocument.objects.filter(kind="practice").update(updated_at=timezone.now())
    SearchDocument.objects.first().save()
    forget_local()
    assert current_generations() == before


def test_practice_model_is_registered():
    assert registry.source_for_model(Practice).kind == "practice"
