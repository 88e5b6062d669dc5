"""The JSON-LD of each page kind, read as a search engine reads it: parsed from the page's
<script type="application/ld+json"> block, its fields asserted and its shape checked."""

import json
import re
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone, translation

from blog.tests.factories import PostFactory, image_file
from events.models import Event, Registration
from events.tests.factories import EventFactory, RegistrationFactory
from practices.tests.factories import PracticeFactory
from projects.tests.factories import ProjectFactory

SITE = "https://valita.example.org"
pytestmark = pytest.mark.django_db

# The fields each type must have (what the search engines' rich results need), and which
# of them are absolute addresses or dates.
REQUIRED = {
    "Event": {"name", "url", "startDate", "endDate", "eventStatus", "organizer", "location"},
    "Offer": {"price", "priceCurrency", "availability", "validFrom", "validThrough", "url"},
    "Organization": {"name", "url"},
    "GovernmentOrganization": {"name", "url"},
    "Place": {"name"},
    "PostalAddress": {"streetAddress", "addressCountry"},
    "VirtualLocation": {"url"},
    "BlogPosting": {"headline", "url", "datePublished", "dateModified", "author", "publisher"},
    "HowTo": {"name", "headline", "url", "datePublished", "dateModified", "author", "step"},
}
ADDRESSES = {"url", "logo", "image", "mainEntityOfPage", "@id"}
DATES = {"startDate", "endDate", "validFrom", "validThrough", "datePublished", "dateModified"}


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE
    with translation.override("fi"):  # get_absolute_url() of the Finnish pages
        yield


def ld_blocks(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def check_shape(node, path="$"):
    """Every typed node has its required fields; addresses are absolute, dates ISO 8601."""
    if isinstance(node, list):
        for n, item in enumerate(node):
            check_shape(item, f"{path}[{n}]")
        return
    if not isinstance(node, dict):
        return
    kind = node.get("@type")
    missing = REQUIRED.get(kind, set()) - node.keys()
    assert not missing, f"{path} ({kind}) lacks {sorted(missing)}"
    for key, value in node.items():
        for item in value if isinstance(value, list) else [value]:
            if key in ADDRESSES and isinstance(item, str):
                assert re.match(r"https?://[^/]+/", item), f"{path}.{key}: {item!r} not absolute"
            if key in DATES:
                parse = date.fromisoformat if len(item) == 10 else datetime.fromisoformat
                parse(item)
        check_shape(value, f"{path}.{key}")


def page_ld(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    (data,) = ld_blocks(response.content.decode())
    assert data["@context"] == "https://schema.org"
    check_shape(data)
    return data


def test_shape_check_bites():
    with pytest.raises(AssertionError, match="lacks"):
        check_shape({"@type": "Offer", "price": 0})
    with pytest.raises(AssertionError, match="not absolute"):
        check_shape({"@type": "Organization", "name": "x", "url": "/fi/"})


def test_event_with_registration_offers_free_places_from_the_form(client):
    logo_project = ProjectFactory(slug_fi="aani", logo=image_file("logo.png"), logo_alt_fi="Logo")
    deadline = timezone.now() + timedelta(days=7)
    event = EventFactory(
        slug_fi="kevatpaiva",
        projects=[logo_project],
        format=Event.Format.HYBRID,
        registration_enabled=True,
        registration_deadline=deadline,
        capacity_in_person=3,
        capacity_remote=None,
        online_url="https://meet.example.org/salainen",
    )
    RegistrationFactory(event=event, mode=Registration.Mode.IN_PERSON)
    data = page_ld(client, f"/fi/tapahtumat/{event.slug_fi}/")
    assert data["@type"] == "Event"
    assert data["url"] == f"{SITE}/fi/tapahtumat/kevatpaiva/"
    assert data["image"] == [SITE + logo_project.logo.url]
    assert data["organizer"] == [
        {
            "@type": "Organization",
            "name": logo_project.name,
            "url": f"{SITE}/fi/hankkeet/aani/",
            "logo": SITE + logo_project.logo.url,
        }
    ]
    offer = data["offers"]
    register = f"{SITE}/fi/tapahtumat/kevatpaiva/ilmoittaudu/"
    assert offer["@type"] == "Offer"
    assert (offer["price"], offer["priceCurrency"], offer["url"]) == (0, "EUR", register)
    assert offer["availability"] == "https://schema.org/InStock"  # remote places unlimited
    assert datetime.fromisoformat(offer["validThrough"]) == deadline
    assert datetime.fromisoformat(offer["validFrom"]) <= timezone.now()
    place, virtual = data["location"]
    assert place["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "FI",
        "streetAddress": "Koulutie 1",
        "postalCode": "33100",
        "addressLocality": "Tampere",
    }
    # The link is sent to those who register: search engines get the form, not the link
    # and not the event page.
    assert virtual == {"@type": "VirtualLocation", "url": register}


@pytest.mark.parametrize(
    ("taken", "expected"),
    [
        (0, "https://schema.org/InStock"),
        (17, "https://schema.org/LimitedAvailability"),
        (20, "https://schema.org/SoldOut"),
    ],
)
def test_availability_follows_the_places_left(client, taken, expected):
    event = EventFactory(registration_enabled=True, capacity_in_person=20)
    for _ in range(taken):
        RegistrationFactory(event=event, mode=Registration.Mode.IN_PERSON)
    data = page_ld(client, event.get_absolute_url())
    assert data["offers"]["availability"] == expected


def test_closed_registration_is_sold_out_and_no_registration_offers_nothing(client):
    closed = EventFactory(
        registration_enabled=True, registration_deadline=timezone.now() - timedelta(hours=1)
    )
    assert page_ld(client, closed.get_absolute_url())["offers"]["availability"] == (
        "https://schema.org/SoldOut"
    )
    plain = EventFactory(registration_enabled=False)
    assert "offers" not in page_ld(client, plain.get_absolute_url())


def test_a_public_online_link_is_the_virtual_location(client):
    event = EventFactory(
        format=Event.Format.REMOTE,
        online_url="https://meet.example.org/avoin",
        online_link_public=True,
    )
    data = page_ld(client, event.get_absolute_url())
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/avoin"}


def test_an_address_in_another_form_is_kept_whole(client):
    event = EventFactory(address_fi="Messukeskus, halli 2")
    address = page_ld(client, event.get_absolute_url())["location"]["address"]
    assert address == {
        "@type": "PostalAddress",
        "addressCountry": "FI",
        "streetAddress": "Messukeskus, halli 2",
    }


def test_post_is_a_blog_posting_by_its_projects(client):
    project = ProjectFactory(slug_fi="aani")
    post = PostFactory(with_cover=True, projects=[project])
    data = page_ld(client, post.get_absolute_url())
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == post.title_fi
    assert data["url"] == data["mainEntityOfPage"] == SITE + post.get_absolute_url()
    assert data["inLanguage"] == "fi"
    assert datetime.fromisoformat(data["datePublished"]) == post.publish_at
    assert data["author"] == [
        {"@type": "Organization", "name": project.name, "url": f"{SITE}/fi/hankkeet/aani/"}
    ]
    assert data["publisher"]["name"] == "Välitä! – Visa omtanke!"
    assert data["image"].startswith(f"{SITE}/")
    assert client.get(data["image"].removeprefix(SITE)).status_code == 200


def test_swedish_post_page_says_its_language(client):
    post = PostFactory()
    with translation.override("sv"):
        data = page_ld(client, post.get_absolute_url())
    assert data["inLanguage"] == "sv"


def test_practice_is_a_creative_work_by_its_projects(client):
    project = ProjectFactory(slug_fi="aani")
    practice = PracticeFactory(projects=[project])
    data = page_ld(client, practice.get_absolute_url())
    assert data["@type"] == "HowTo"  # a CreativeWork
    assert data["headline"] == practice.title_fi
    assert data["url"] == SITE + practice.get_absolute_url()
    assert data["datePublished"] == timezone.localdate(practice.created_at).isoformat()
    assert data["author"][0]["url"] == f"{SITE}/fi/hankkeet/aani/"
    assert data["publisher"]["@type"] == "Organization"
    assert [step["text"] for step in data["step"]] == ["Ensimmäinen vaihe", "Toinen vaihe"]


@pytest.mark.parametrize(
    ("path", "funder"),
    [("/fi/", "Opetushallitus"), ("/sv/", "Utbildningsstyrelsen")],
)
def test_home_is_the_network_organization_with_its_funder(client, path, funder):
    data = page_ld(client, path)
    assert data["@type"] == "Organization"
    assert data["url"] == SITE + path
    assert data["logo"].startswith(f"{SITE}/static/")
    assert data["funder"]["@type"] == "GovernmentOrganization"
    assert data["funder"]["name"] == funder
    assert data["funder"]["alternateName"] == "OPH"
    assert data["funder"]["url"].startswith("https://www.oph.fi/")
