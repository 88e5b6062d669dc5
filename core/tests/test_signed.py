"""Signed values are checked for their shape after the signature (core/signed.py).

Each payload below carries the right salt and a valid signature (as anyone holding the
key could make it) but the wrong types inside: every place that loads one answers 400
with a message in the visitor's language and writes nothing.
"""

import uuid
from dataclasses import asdict, dataclass
from typing import Annotated, Literal

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import translation

from accounts.services import INVITATION_SALT
from blog.services import PREVIEW_SALT
from core.signed import Between, Id, Match, SignedValueInvalid, conform, signed_load
from events.emails import SIGNING_SALT as REGISTRATION_SALT
from practices.services import SIGNING_SALT as FOLLOWUP_SALT
from surveys.answering import DRAFT_SALT, Draft
from surveys.models import Answer, Response, SavedDraft
from surveys.tests.factories import build_survey
from surveys.tests.helpers import draft_of

pytestmark = pytest.mark.django_db

MESSAGE = {
    "fi": "Linkin tai lomakkeen tiedot ovat virheelliset",
    "sv": "Länkens eller formulärets uppgifter är felaktiga",
}


# The helper ---------------------------------------------------------------------------------


@dataclass
class Sample:
    pk: Id
    kind: Literal["a", "b"]
    code: Annotated[str, Match(r"[a-z]{2}")]
    ratio: Annotated[float, Between(0, 1)] = 0.5
    tags: list[int] | None = None


def test_a_payload_of_the_right_shape_loads_as_the_schema():
    value = signing.dumps({"pk": 3, "kind": "a", "code": "xy", "tags": [1]}, salt="s")
    assert signed_load(value, salt="s", schema=Sample) == Sample(3, "a", "xy", 0.5, [1])
    token = uuid.uuid4()
    assert signed_load(signing.dumps(str(token), salt="s"), salt="s", schema=uuid.UUID) == token


@pytest.mark.parametrize(
    "data",
    [
        "not an object",
        [],
        {"pk": "3", "kind": "a", "code": "xy"},  # a string for an id
        {"pk": True, "kind": "a", "code": "xy"},  # a boolean is no integer
        {"pk": 0, "kind": "a", "code": "xy"},  # below the range
        {"pk": 2**63, "kind": "a", "code": "xy"},  # beyond bigint
        {"pk": 3, "kind": "c", "code": "xy"},  # not one of the literals
        {"pk": 3, "kind": "a", "code": "x\x00"},  # NUL is never a string
        {"pk": 3, "kind": "a", "code": "xyz"},  # does not match
        {"pk": 3, "kind": "a", "code": "xy", "ratio": float("nan")},
        {"pk": 3, "kind": "a", "code": "xy", "ratio": 2},
        {"pk": 3, "kind": "a", "code": "xy", "tags": ["1"]},
        {"pk": 3, "kind": "a", "code": "xy", "extra": 1},  # a field we never write
        {"pk": 3, "kind": "a"},  # a required field missing
    ],
)
def test_a_signed_payload_of_another_shape_is_refused(data):
    value = signing.dumps(data, salt="s")
    with pytest.raises(SignedValueInvalid):
        signed_load(value, salt="s", schema=Sample)


def test_a_forged_or_expired_value_is_a_bad_signature_not_a_shape_error():
    with pytest.raises(signing.BadSignature):
        signed_load("forged:value", salt="s", schema=Sample)
    with pytest.raises(signing.BadSignature):
        signed_load(signing.dumps({"pk": 1}, salt="other"), salt="s", schema=Sample)
    old = signing.dumps({"pk": 1, "kind": "a", "code": "xy"}, salt="s")
    with pytest.raises(signing.SignatureExpired):
        signed_load(old, salt="s", schema=Sample, max_age=-1)


def test_signed_text_that_is_not_our_json_is_refused():
    signer = signing.TimestampSigner(salt="s")
    with pytest.raises(SignedValueInvalid):
        signed_load(signer.sign("not base64 json!"), salt="s", schema=Sample)
    with pytest.raises(SignedValueInvalid):  # "compressed", but not zlib
        signed_load(signer.sign(".bm90IHpsaWI"), salt="s", schema=Sample)


def test_conform_refuses_a_schema_type_it_does_not_know():
    with pytest.raises(TypeError):
        conform(1, complex)


# Every place that loads a signed value --------------------------------------------------------


def _url(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


WRONG_TYPES = ["not-a-uuid", 5, None, [], {"token": 1}, {"u": "x", "s": 1}, {"post": "x"}]
LINKS = [
    ("accounts:invitation_accept", "token", INVITATION_SALT),
    ("blog:post_preview", "token", PREVIEW_SALT),
    ("events:registration_manage", "signed", REGISTRATION_SALT),
    ("practices:followup_answer", "signed", FOLLOWUP_SALT),
]


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("name,kwarg,salt", LINKS)
@pytest.mark.parametrize("payload", WRONG_TYPES, ids=repr)
def test_every_signed_link_with_wrong_types_inside_is_a_400_in_the_visitors_language(
    client, language, name, kwarg, salt, payload
):
    url = _url(name, language, **{kwarg: signing.dumps(payload, salt=salt)})
    response = client.get(url)
    assert response.status_code == 400
    assert MESSAGE[language] in response.content.decode()


@pytest.mark.parametrize("name,kwarg,salt", LINKS)
def test_a_signed_link_of_the_right_shape_naming_nothing_is_still_not_found(
    client, name, kwarg, salt
):
    payload = {
        INVITATION_SALT: {"u": 987654, "s": "x"},
        PREVIEW_SALT: {"post": 987654},
    }.get(salt, str(uuid.uuid4()))
    response = client.get(_url(name, "fi", **{kwarg: signing.dumps(payload, salt=salt)}))
    assert response.status_code in (400, 404)  # the invitation page answers a dead link 400
    assert MESSAGE["fi"] not in response.content.decode()


@pytest.fixture
def survey():
    return build_survey()


def _bad_drafts(s, good: dict) -> list[dict]:
    likert, long_text = str(s["likert"].pk), str(s["long"].pk)
    return [
        {**good, "answers": "not a dict"},
        {**good, "answers": {"abc": 1}},  # question ids are digits
        {**good, "answers": {likert: {str(s["s1"].pk): "x"}}},  # 1..10 or "dk"
        {**good, "answers": {likert: 2**80}},
        {**good, "answers": {long_text: "a\x00b"}},
        {**good, "answers": {long_text: "x" * 6000}},
        {**good, "key": "not-a-uuid"},
        {**good, "key": 5},
        {**good, "started": 1e300},
        {**good, "started": "yesterday"},
        {**good, "page": [1]},
        {**good, "saved": {"token": 1}},
        {**good, "survey": str(good["survey"])},
        {**good, "test": "no"},
        {**good, "unknown": 1},
    ]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_signed_draft_with_wrong_types_inside_is_a_400_and_stores_nothing(
    client, survey, language
):
    slug = getattr(survey["survey"], f"slug_{language}")
    url = _url("surveys:survey_answer", language, slug=slug)
    good = asdict(Draft.loads(draft_of(client.get(url)), structure=_structure(survey)))
    for bad in _bad_drafts(survey, good):
        for action in ("next", "save", "back"):
            draft = signing.dumps(bad, salt=DRAFT_SALT, compress=True)
            response = client.post(url, {"draft": draft, "action": action})
            assert response.status_code == 400, bad
            assert MESSAGE[language] in response.content.decode(), bad
    assert Response.objects.count() == Answer.objects.count() == SavedDraft.objects.count() == 0


def test_answers_that_no_longer_fit_their_question_are_dropped_not_stored(client, survey):
    """Well-typed, but not what the question takes (as after an edit of the survey): the
    answer is dropped and asked again; nothing of it reaches the database."""
    s = survey
    url = _url("surveys:survey_answer", "fi", slug=s["survey"].slug_fi)
    good = asdict(Draft.loads(draft_of(client.get(url)), structure=_structure(s)))
    misfits = {
        str(s["likert"].pk): 3,  # a Likert answer is per statement
        str(s["single"].pk): [1, 2],  # one choice is one id
        str(s["number"].pk): "1e999",  # more digits than Answer.number holds
        str(s["project"].pk): 987654,  # no such project
        str(s["short"].pk): "x" * 600,  # longer than a short answer
    }
    draft = signing.dumps({**good, "answers": misfits}, salt=DRAFT_SALT, compress=True)
    assert Draft.loads(draft, structure=_structure(s)).answers == {}
    response = client.post(url, {"draft": draft, "action": "next"})
    assert response.status_code == 200  # the first page again, its questions unanswered
    assert Response.objects.count() == Answer.objects.count() == 0


def test_the_draft_the_server_wrote_still_loads(client, survey):
    url = _url("surveys:survey_answer", "fi", slug=survey["survey"].slug_fi)
    token = draft_of(client.get(url))
    draft = Draft.loads(token, structure=_structure(survey))
    assert draft is not None and draft.survey == survey["survey"].pk


def _structure(s):
    from surveys.answering import Structure

    return Structure(s["survey"])
