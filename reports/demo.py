"""Demo: the 2025 network survey's open answers coded into the seed's themes, the seed's
quotes marked, and the effects chart, the goals chart and two quotes published.

Idempotent: themes by name, codings replaced, quotes and published results get_or_create.
Runs after the surveys demo (valita/demo.py DEMO_LOADERS).
"""

from django.db import transaction

from surveys import demo as surveys_demo
from surveys.models import Answer, Code, Question, Survey

from .models import PublishedResult, Quote

# The seed's themes ("Haastaneet tekijät", "Edistäneet tekijät") and words that mark them.
THEMES = {
    "challenges": [
        ("Aikatauluhaasteet, kiire", ["aikatau", "kiire", "ajan löytäminen"]),
        ("Organisaatioiden erilaiset toimintatavat", ["erilaisia"]),
        ("Henkilöstövaihdokset ja organisaatiomuutokset", ["muutos", "henkilöstövaihdo"]),
        ("Toimintamallien juurtuminen", ["juurru"]),
    ],
    "enablers": [
        ("Tiivis ja hyvä yhteistyö, verkostoituminen", ["yhteistyö", "jakaminen"]),
        ("Säännölliset tapaamiset", ["tapaamiset", "kohtaamiset"]),
        ("Selkeä koordinointi ja suunnitelmallisuus", ["koordinointi"]),
        ("Riittävät resurssit", ["resurssit"]),
        ("Toimijoiden ja johdon sitoutuminen", ["johdon"]),
    ],
}
QUOTED = {"challenges": 3, "enablers": 3}  # the seed quotes the first three of each
PUBLISHED_QUOTES = [("challenges", 0), ("enablers", 1)]


@transaction.atomic
def load() -> None:
    survey = Survey.objects.filter(slug_fi=surveys_demo.SLUG_2025).first()
    if survey is None:
        return
    questions = {
        key: Question.objects.filter(survey=survey, text_fi=fi).first()
        for key, fi, _sv in surveys_demo.OPEN_QUESTIONS
    }
    through = Code.answers.through
    quotes = {}
    for key, themes in THEMES.items():
        question = questions.get(key)
        if question is None:
            continue
        answers = list(Answer.objects.filter(question=question).only("pk", "text"))
        for name, words in themes:
            code, _created = Code.objects.get_or_create(question=question, name=name)
            through.objects.filter(code=code).delete()
            through.objects.bulk_create(
                through(code=code, answer_id=a.pk)
                for a in answers
                if any(word in a.text.lower() for word in words)
            )
        for index, text in enumerate(surveys_demo.QUOTES[key][: QUOTED[key]]):
            answer = next((a for a in answers if a.text == text), None)
            if answer is not None:
                quotes[(key, index)] = Quote.objects.get_or_create(answer=answer)[0]
    order = 0
    for question in Question.objects.filter(survey=survey, kind=Question.Kind.LIKERT).order_by(
        "page__order", "order"
    ):
        order += 1
        PublishedResult.objects.get_or_create(
            question=question,
            defaults={"kind": PublishedResult.Kind.CHART, "survey": survey, "order": order},
        )
    for key in PUBLISHED_QUOTES:
        quote = quotes.get(key)
        if quote is not None:
            order += 1
            PublishedResult.objects.get_or_create(
                quote=quote,
                defaults={"kind": PublishedResult.Kind.QUOTE, "survey": survey, "order": order},
            )
