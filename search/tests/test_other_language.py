"""Content written in one language only is found from the other language's search page,
matched in the language it is written in and marked as such (lang, a visible note);
content written in both languages is listed once, in the visitor's language."""

import pytest
from django.utils import translation

from blog.tests.factories import PostFactory
from practices.tests.factories import PracticeFactory
from search.models import SearchDocument
from search.tests.helpers import result_titles, results

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.requires_postgresql("full-text search runs on PostgreSQL")

SWEDISH_TITLE = "Tvåspråkigt deltagande i Österbotten"
FINNISH_TITLE = "Vertaisohjaajien kevätkausi alkoi"


def swedish_only_post(**fields):
    return PostFactory(
        **{
            "title_fi": "",
            "lead_fi": "",
            "body_fi": "",
            "title_sv": SWEDISH_TITLE,
            "lead_sv": "Studerande berättar om sitt deltagande.",
            "body_sv": "<p>Deltagandet växer när man får tala sitt eget språk.</p>",
            **fields,
        }
    )


def finnish_only_post(**fields):
    return PostFactory(
        **{
            "title_sv": "",
            "lead_sv": "",
            "body_sv": "",
            "title_fi": FINNISH_TITLE,
            "lead_fi": "Vertaisohjaajat kokoontuivat aloituspäivään.",
            "body_fi": "<p>Kevään ohjelma on valmis.</p>",
            **fields,
        }
    )


def finnish_only_practice(**fields):
    return PracticeFactory(
        **{"title_sv": "", "summary_sv": "", "steps_sv": "", **fields},
    )


def address_in(obj, language: str) -> str:
    with translation.override(language):
        return obj.get_absolute_url()


def test_a_swedish_only_post_is_found_from_the_finnish_page_by_a_word_of_its_title(client):
    post = swedish_only_post()
    [result] = results(client.get("/fi/haku/?q=Österbotten"))
    assert result.title == SWEDISH_TITLE
    assert (result.title_lang, result.excerpt_lang, result.note) == ("sv", "sv", "Ruotsiksi")
    # The Finnish page of the post, which shows it in Swedish and says so.
    assert result.url == address_in(post, "fi")
    assert client.get(result.url).status_code == 200


def test_finnish_only_content_is_found_from_the_swedish_page(client):
    post = finnish_only_post()
    practice = finnish_only_practice(title_fi="Vertaisohjaajien perehdytysmalli")
    found = {result.title: result for result in results(client.get("/sv/sok/?q=vertaisohjaajien"))}
    assert set(found) == {FINNISH_TITLE, practice.title_fi}
    for result in found.values():
        assert (result.title_lang, result.excerpt_lang, result.note) == ("fi", "fi", "På finska")
    assert found[FINNISH_TITLE].url == address_in(post, "sv")
    assert found[practice.title_fi].url == address_in(practice, "sv")


def test_a_post_in_both_languages_is_listed_once_in_the_visitors_language(client):
    PostFactory(
        title_fi="Kokkola kutsuu kevätseminaariin",
        title_sv="Vårseminarium i Karleby",
        lead_fi="Seminaari pidetään Kokkolassa.",
        lead_sv="Seminariet hålls i Karleby (Kokkola).",
    )
    for url, title in (
        ("/fi/haku/?q=Kokkola", "Kokkola kutsuu kevätseminaariin"),
        ("/sv/sok/?q=Kokkola", "Vårseminarium i Karleby"),
    ):
        [result] = results(client.get(url))
        assert (result.title, result.title_lang, result.note) == (title, None, None)


def test_an_other_language_title_match_ranks_above_a_text_match_in_the_visitors_language(
    client,
):
    # Ranked among the rest by the same measure, not all put last.
    swedish_only_post()
    PracticeFactory(title_fi="Alueellinen yhteistyö", summary_fi="Mukana on myös Österbotten.")
    titles = result_titles(client.get("/fi/haku/?q=Österbotten"))
    assert titles == [SWEDISH_TITLE, "Alueellinen yhteistyö"]


def test_kind_counts_and_the_kind_filter_count_other_language_results(client):
    swedish_only_post()
    PracticeFactory(title_fi="Alueellinen yhteistyö", summary_fi="Mukana on myös Österbotten.")
    html = client.get("/fi/haku/?q=Österbotten").content.decode()
    assert "2 tulosta haulla" in html
    assert "Blogikirjoitus (1)" in html
    assert "Toimintamalli (1)" in html
    assert result_titles(client.get("/fi/haku/?q=Österbotten&tyyppi=post")) == [SWEDISH_TITLE]


@postgres_only
def test_other_language_text_is_matched_and_highlighted_with_its_own_languages_stemming(client):
    swedish_only_post()
    finnish_only_post()
    # "studerandes" and "studerande" share a stem in Swedish only, "vertaisohjaajille"
    # and "vertaisohjaajat" in Finnish only.
    response = client.get("/fi/haku/?q=studerandes")
    assert result_titles(response) == [SWEDISH_TITLE]
    assert "<mark>Studerande</mark>" in response.content.decode()
    response = client.get("/sv/sok/?q=vertaisohjaajille")
    assert result_titles(response) == [FINNISH_TITLE]
    assert "<mark>Vertaisohjaajat</mark>" in response.content.decode()


def test_the_finnish_page_shows_the_finnish_text_once_the_post_has_one(client):
    post = swedish_only_post()
    document = SearchDocument.objects.get(kind="post", object_id=post.pk, language="fi")
    assert (document.text_language, document.title) == ("sv", SWEDISH_TITLE)
    post.title_fi = "Kaksikielinen osallisuus Pohjanmaalla"
    post.save()
    [result] = results(client.get("/fi/haku/?q=Pohjanmaalla"))
    assert (result.title, result.title_lang, result.note) == (post.title_fi, None, None)
    assert result_titles(client.get("/fi/haku/?q=Österbotten")) == []


def test_rows_written_before_the_text_language_was_kept_read_as_the_pages_language(client):
    # During a rollout the previous release writes rows without it (the column's default).
    PracticeFactory(title_fi="Kehittäjäopiskelijamalli", title_sv="Utvecklarstuderande")
    SearchDocument.objects.update(text_language="")
    [result] = results(client.get("/fi/haku/?q=Kehittäjäopiskelijamalli"))
    assert (result.title, result.note) == ("Kehittäjäopiskelijamalli", None)
    [result] = results(client.get("/sv/sok/?q=Utvecklarstuderande"))
    assert (result.title, result.note) == ("Utvecklarstuderande", None)


@pytest.mark.parametrize("n", [1, 25])
def test_search_queries_do_not_grow_with_other_language_results(
    client, django_assert_num_queries, n
):
    for i in range(n):
        PostFactory(title_fi=f"Yhdessä {i}", lead_fi="Pohjanmaa.", lead_sv="Pohjanmaa.")
        swedish_only_post(title_sv=f"Pohjanmaa på svenska {i}")
        finnish_only_practice(title_fi=f"Pohjanmaan malli {i}")
    # Each page holds results in the other language (the filter keeps them on page one).
    for url, heading in (
        ("/fi/haku/?q=Pohjanmaa", f"{3 * n} tulos"),
        ("/fi/haku/?q=Pohjanmaa&tyyppi=post", f"{3 * n} tulos"),
        ("/sv/sok/?q=Pohjanmaa", f"{3 * n} träff"),
        ("/sv/sok/?q=Pohjanmaa&tyyppi=practice", f"{3 * n} träff"),
    ):
        # themes for the filter, the counts per kind, the paginator's count, the page
        with django_assert_num_queries(4):
            response = client.get(url)
        assert heading in response.content.decode()
        if "tyyppi" in url:
            assert results(response)[0].note


def test_a_document_holds_one_language_only(client):
    """A Swedish title with Finnish-only steps: the Swedish page's document holds no Finnish
    text, which it would show unmarked in a Swedish excerpt and stem as Swedish."""
    practice = PracticeFactory(
        title_fi="Vertaismentorointi",
        title_sv="Kamratmentorskap",
        summary_fi="Vertaismentorit tukevat aloittavia opiskelijoita.",
        summary_sv="Kamratmentorer stöder nya studerande.",
        steps_fi="<p>Mentorit koulutetaan syyslukukaudella.</p>",
        steps_sv="",
    )
    swedish = SearchDocument.objects.get(kind="practice", object_id=practice.pk, language="sv")
    assert swedish.text_language == "sv"
    assert "Kamratmentorer" in swedish.body and "Mentorit" not in swedish.body
    finnish = SearchDocument.objects.get(kind="practice", object_id=practice.pk, language="fi")
    assert "Mentorit koulutetaan" in finnish.body
    [result] = results(client.get("/sv/sok/?q=Kamratmentorskap"))
    assert (result.title, result.excerpt_lang, result.note) == ("Kamratmentorskap", None, None)
    assert result_titles(client.get("/fi/haku/?q=syyslukukaudella")) == ["Vertaismentorointi"]
