"""Hostile input on every field of every question kind never gives a 500 nor a half response."""

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from surveys.models import Answer, Response
from surveys.tests.factories import build_survey
from surveys.tests.helpers import draft_of

pytestmark = pytest.mark.django_db

junk = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["", "0", "-1", "99", "dk", "1e999", "NaN", "Infinity", "\x00", "ä" * 6000]),
    st.lists(st.text(max_size=20), max_size=4),
)


def _listed(value) -> list:
    return value if isinstance(value, list) else [value]


def test_junk_on_every_page_never_breaks(client):
    s = build_survey()
    url = f"/fi/kyselyt/{s['survey'].slug_fi}/"
    names = [
        f"q{s['likert'].pk}_{s['s1'].pk}",
        f"q{s['likert'].pk}_{s['s2'].pk}",
        f"q{s['single'].pk}",
        f"q{s['project'].pk}",
        f"q{s['multiple'].pk}",
        f"q{s['number'].pk}",
        f"q{s['long'].pk}",
        f"q{s['short'].pk}",
    ]
    first = client.get(url)
    draft = draft_of(first)

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        values=st.fixed_dictionaries(dict.fromkeys(names, junk)),
        action=st.sampled_from(["next", "back", "save", "", "x" * 50]),
        draft_value=st.one_of(st.just(draft), st.text(max_size=80)),
    )
    def check(values, action, draft_value):
        from django.core.cache import cache

        cache.clear()  # the rate limit is not what is tested here
        data = {"draft": draft_value, "action": action, **values}
        response = client.post(url, data)
        # A NUL anywhere is refused at the edge (core/input_guard.py); the rest is a page.
        nul = any("\x00" in v for value in data.values() for v in _listed(value))
        assert response.status_code in ((400,) if nul else (200, 302))
        # A response is either whole or absent: every saved one has its required answers.
        for saved in Response.objects.all():
            assert Answer.objects.filter(response=saved, question=s["short"]).exists()

    check()


@pytest.fixture
def real_survey():
    return build_survey()["survey"]


@given(slug=st.text(min_size=1, max_size=60).filter(lambda t: "/" not in t and "\x00" not in t))
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_junk_in_addresses_is_a_404(client, real_survey, slug):
    """No survey and no invitation answers to junk: the site's own 404 page, nothing else."""
    from urllib.parse import quote

    assume(slug not in (real_survey.slug_fi, real_survey.slug_sv))
    for path in (f"/fi/kyselyt/{quote(slug)}/", f"/fi/kyselyt/kutsu/{quote(slug)}/"):
        response = client.get(path)
        assert response.status_code == 404, (path, response.status_code)
        assert "404.html" in [t.name for t in response.templates], path
    # The same addresses with a real survey's slug do answer, so the 404 is for the junk.
    assert client.get(f"/fi/kyselyt/{real_survey.slug_fi}/").status_code == 200
