"""Demo content: the network survey of 22.1.–12.2.2025 from the seed, with 101 generated
responses over the nine projects, and its open follow-up round that a visitor can answer.

Statements are the seed's, verbatim. The seed gives no per-value counts, only that the
results were clearly positive (n=80–81 for the effects, the coordination goals rated by
n=12 project managers); the generated answers follow that shape with a fixed seed, so a
reload gives the same numbers. Idempotent: keyed by slug; responses only when none exist.
"""

import random
import uuid
from datetime import UTC, datetime, timedelta

from django.utils import timezone

from projects.models import Project

from .models import (
    Answer,
    Choice,
    Collector,
    Condition,
    Page,
    Question,
    Response,
    Statement,
    Survey,
)

SERIES = "verkostokysely"
SLUG_2025 = "verkostokysely-2025"
SLUG_2026 = "verkostokysely-2026"

EFFECTS = [
    (
        "Verkostohanke on tukenut yhdenvertaisuuden toteutumista",
        "Nätverksprojektet har stött förverkligandet av likabehandling",
    ),
    (
        "Tuloksia ja/tai toimintamalleja on juurrutettu arjen toimintaan",
        "Resultat och/eller verksamhetsmodeller har förankrats i den dagliga verksamheten",
    ),
    (
        "Kehitetyt toimintamallit ovat skaalattavissa ja levitettävissä muihin oppilaitoksiin",
        "De utvecklade verksamhetsmodellerna kan skalas upp och spridas till andra läroanstalter",
    ),
    (
        "Yhteistyö eri toimijoiden välillä on parantunut",
        "Samarbetet mellan olika aktörer har förbättrats",
    ),
    (
        "Verkostohanke on edistänyt oppilaitosten sosiaalisesti vastuullista toimintaa",
        "Nätverksprojektet har främjat läroanstalternas socialt ansvarsfulla verksamhet",
    ),
    (
        "Verkostohanke on tukenut tasa-arvon toteutumista",
        "Nätverksprojektet har stött förverkligandet av jämställdhet",
    ),
    (
        "Yhteistyö eri organisaatioiden / sidosryhmien (esim. oppilaitokset, yhdistykset ym.) "
        "välillä on parantunut",
        "Samarbetet mellan olika organisationer / intressentgrupper (t.ex. läroanstalter, "
        "föreningar m.fl.) har förbättrats",
    ),
]
# Rough shape of the answers: weights of the values 1..5 of each statement.
# 81 respondents reach the statements; every other statement has one "don't know",
# so n is 80–81 as in the seed.
EFFECT_WEIGHTS = [
    [2, 6, 22, 42, 28],
    [3, 12, 30, 38, 17],
    [2, 10, 30, 40, 18],
    [1, 4, 14, 40, 41],
    [1, 5, 20, 44, 30],
    [3, 9, 28, 38, 22],
    [1, 5, 16, 42, 36],
]

GOALS = [
    (
        "Luodaan vertaiskehittämistä edistävä vertaisverkosto ja tukirakenne sen toimintaan",
        "Ett kamratnätverk som främjar kollegial utveckling och en stödstruktur för dess "
        "verksamhet skapas",
    ),
    (
        "Toimitaan välittäjänä OPH:n suuntaan ja luodaan yhteistyöfoorumeita OPH:n ja "
        "verkostohankkeiden kohtaannuttamiseen",
        "Vi fungerar som förmedlare gentemot UBS och skapar samarbetsforum för att föra samman "
        "UBS och nätverksprojekten",
    ),
    (
        "Tiedotetaan ja levitetään hyviä käytäntöjä ja tuetaan verkostohankkeiden levittämis-, "
        "juurruttamis- ja vaikuttamistyötä",
        "Vi informerar om och sprider god praxis och stöder nätverksprojektens spridnings-, "
        "förankrings- och påverkansarbete",
    ),
    (
        "Lisätään tulosten näkyvyyttä ja vaikuttavuutta",
        "Resultatens synlighet och genomslag ökas",
    ),
]
GOAL_WEIGHTS = [[0, 0, 1, 5, 6], [0, 1, 3, 5, 3], [0, 0, 2, 5, 5], [0, 1, 2, 6, 3]]

ROLES = [
    ("Projektipäällikkö tai -koordinaattori", "Projektledare eller -koordinator"),
    ("Hanketyöntekijä", "Projektmedarbetare"),
    ("Opettaja tai ohjaaja", "Lärare eller handledare"),
    ("Johto tai esihenkilö", "Ledning eller chef"),
    ("Muu", "Annan"),
]
ROLE_COUNTS = [12, 24, 45, 12, 8]  # 101; the 12 project managers rate the coordination goals

OPEN_QUESTIONS = [
    (
        "challenges",
        "Mitkä tekijät ovat haastaneet hankkeen tuloksellista toteutusta?",
        "Vilka faktorer har utmanat ett resultatrikt genomförande av projektet?",
    ),
    (
        "enablers",
        "Mitkä tekijät ovat edistäneet hankkeen tuloksellista toteutusta?",
        "Vilka faktorer har främjat ett resultatrikt genomförande av projektet?",
    ),
    (
        "long_term",
        "Millaisia pidemmän aikavälin vaikutuksia hankkeella on?",
        "Vilka mer långsiktiga effekter har projektet?",
    ),
    (
        "conditions",
        "Mitkä ovat edellytykset sille, että hankkeen hyödyt syntyvät myös tulevaisuudessa?",
        "Vilka är förutsättningarna för att projektets nytta uppstår även i framtiden?",
    ),
    (
        "criteria",
        "Millä kriteereillä tai mittareilla syntyneitä vaikutuksia ja kehittämistoiminnan "
        "juurtumista voisi seurata?",
        "Med vilka kriterier eller mätare kunde de uppkomna effekterna och förankringen av "
        "utvecklingsarbetet följas upp?",
    ),
]
QUOTES = {
    "challenges": [
        "Osaltaan se, että opistot ovat erilaisia ja toimintamalleja tuli kuitenkin kehittää "
        "kaikkien opistojen yhteiseksi. Yhteisen aikataulun löytyminen yhteistyöopistojen "
        "kanssa. Ajan löytäminen hanketyölle oman perustehtävän lomasta.",
        "Kun kehittämistä tehdään hankkeilla, niin uudet toimintamallit eivät juurru "
        "oppilaitoksen toimintaan. Opettajilla tulisi olla enemmän aikaa osallistua hankkeiden "
        "toimintaan omassa työssään. Työelämässä on liikaa kiirettä.",
        "Oman ja muiden organisaatioiden käynnissä olevat tai alkaneet muutosneuvottelut.",
        "Aikatauluhaasteet ja kiire.",
        "Henkilöstövaihdokset ja organisaatiomuutokset.",
    ],
    "enablers": [
        "Aidot, tunnistetut kehittämistarpeet ja sitä kautta kehittämistavoitteet hankkeelle. "
        "Riittävät resurssit kehittämistyöhön. Johdon tuki ja näkemys kehittämistyön "
        "merkityksestä ja tarpeellisuudesta.",
        "Aito keskinäinen kokemusten, kokeilujen ja toimintatapojen jakaminen verkoston kesken",
        "Hyvin toteutettu hankkeen koordinointi: avainkohtaamiset koko hankkeen toimijoiden "
        "kesken ja solutyöskentely pienemmissä tiimeissä ovat tuoneet ryhtiä ja rakennetta "
        "siihen että asiat etenevät.",
        "Säännölliset tapaamiset ja tiivis yhteistyö.",
    ],
    "long_term": [
        "Juurtuneita toimintatapoja, jotka hankkeissa on käynnistetty. Paras on se, kun "
        "hankkeesta syntyy jotain konkreettista, ja se alkaa elämään niin, että itse hanke jo "
        "unohtuu taustalta.",
        "Parhaimmillaan syntyy yhteistyötä oppilaitosten välille, hyviä käytäntöjä ja "
        "toimintamalleja omaan arkeen, hyötyä opiskelijoille",
        "Kun näkee toisten tavan toimia ja pääsee sanoittamaan omaa toimintaa muille, pystyy "
        "peilaamaan omia hyviä ja vähemmän toimivia tapoja tehdä työtä.",
    ],
    "conditions": [
        "Tulosten jalkauttamisen täytyy jatkua organisaatiotasolla myös hankkeen päättymisen "
        "jälkeen. Nämä tärkeät teemat kaipaavat kipeästi myös jatkorahoitusta, jotta uusiakin "
        "hankeideoita saadaan jatkossa edistettyä ja kehitystä vietyä edelleen eteenpäin.",
        "Hankkeen tuloksien pitäminen osana käytäntöä, osaavan henkilökunnan toimesta.",
        "Syntyneistä hyvistä käytänteistä rummutusta laajasti koko valtakunnassa - alan "
        "tiedotuskanavissa ja muutenkin.",
        "Hankkeessa kehitettyä työtä ja verkostona toimimista tulee jatkaa.",
    ],
    "criteria": [
        "Seuranta esim. 1–2 vuoden kuluttua hankkeesta, mitkä malleista ovat edelleen käytössä.",
        "Läpäisyasteen paraneminen, keskeytysten väheneminen.",
        "Henkilöstön ja opiskelijoiden kokemusten seuranta esim. kyselyillä.",
        "Osallistujamäärät ja tapahtumien määrät.",
    ],
}
# Responses per project, the nine network projects in name order (sum 101).
PROJECT_COUNTS = [17, 14, 13, 12, 11, 10, 9, 8, 7]


def _survey_defaults() -> dict:
    return {
        "title_fi": "Välitä!-verkostokysely 2025",
        "title_sv": "Visa omtanke!-nätverksenkät 2025",
        "slug_sv": "natverksenkat-2025",
        "intro_fi": (
            "Kyselyn tavoitteena on kerätä Välitä! – Visa omtanke! -verkoston ja rahoittajan "
            "(OPH) käyttöön hankeverkoston toimijoilta palautetta kehittämistyöstä, sen "
            "onnistumisista ja haasteista. Vastaaminen vie noin 10 minuuttia."
        ),
        "intro_sv": (
            "Syftet med enkäten är att samla in respons från aktörerna i projektnätverket om "
            "utvecklingsarbetet, dess framgångar och utmaningar, till nytta för nätverket "
            "Välitä! – Visa omtanke! och finansiären (UBS). Det tar cirka 10 minuter att svara."
        ),
        "thank_you_fi": "Kiitos vastauksestasi! Tulokset julkaistaan verkoston sivuilla.",
        "thank_you_sv": "Tack för ditt svar! Resultaten publiceras på nätverkets webbplats.",
        "series": SERIES,
        "round": 1,
        "status": Survey.Status.CLOSED,
        "opens_at": datetime(2025, 1, 21, 22, 0, tzinfo=UTC),
        "closes_at": datetime(2025, 2, 12, 22, 0, tzinfo=UTC),
        "anonymous": True,
        "embed_domains": "https://www.winnova.fi",
    }


def _likert(
    page,
    order,
    text_fi,
    text_sv,
    statements,
    *,
    min_fi="",
    min_sv="",
    max_fi="",
    max_sv="",
    dont_know=True,
):
    question = Question.objects.create(
        survey=page.survey,
        page=page,
        order=order,
        kind=Question.Kind.LIKERT,
        text_fi=text_fi,
        text_sv=text_sv,
        allow_dont_know=dont_know,
        scale_min_label_fi=min_fi,
        scale_min_label_sv=min_sv,
        scale_max_label_fi=max_fi,
        scale_max_label_sv=max_sv,
    )
    for number, (fi, sv) in enumerate(statements, 1):
        Statement.objects.create(question=question, order=number, text_fi=fi, text_sv=sv)
    return question


def build_questions(survey: Survey) -> dict:
    """The questionnaire of the seed's survey (five pages, the last one conditional)."""
    pages = [
        Page.objects.create(survey=survey, order=n, title_fi=fi, title_sv=sv)
        for n, (fi, sv) in enumerate(
            [
                ("Taustatiedot", "Bakgrundsuppgifter"),
                ("Vaikutukset", "Effekter"),
                ("Edistäneet ja haastaneet tekijät", "Främjande och utmanande faktorer"),
                ("Pidemmän aikavälin vaikutukset", "Långsiktiga effekter"),
                ("Koordinaatiohanke", "Koordineringsprojektet"),
            ],
            1,
        )
    ]
    project_q = Question.objects.create(
        survey=survey,
        page=pages[0],
        order=1,
        kind=Question.Kind.PROJECT,
        required=True,
        text_fi="Minkä verkostohankkeen toimijana vastaat?",
        text_sv="Som aktör i vilket nätverksprojekt svarar du?",
    )
    role_q = Question.objects.create(
        survey=survey,
        page=pages[0],
        order=2,
        kind=Question.Kind.SINGLE,
        required=True,
        text_fi="Mikä on roolisi hankkeessa?",
        text_sv="Vilken är din roll i projektet?",
    )
    roles = [
        Choice.objects.create(question=role_q, order=n, text_fi=fi, text_sv=sv)
        for n, (fi, sv) in enumerate(ROLES, 1)
    ]
    effects = _likert(
        pages[1], 1, "Arvioi seuraavia väittämiä", "Bedöm följande påståenden", EFFECTS
    )
    open_qs = {}
    for order, (key, fi, sv) in enumerate(OPEN_QUESTIONS):
        page = pages[2] if order < 2 else pages[3]
        open_qs[key] = Question.objects.create(
            survey=survey,
            page=page,
            order=order + 1,
            kind=Question.Kind.LONG_TEXT,
            text_fi=fi,
            text_sv=sv,
        )
    goals = _likert(
        pages[4],
        1,
        "Arvioi koordinaatiohankkeen tavoitteiden toteutumista",
        "Bedöm hur koordineringsprojektets mål har uppnåtts",
        GOALS,
        min_fi="Ei lainkaan onnistunut",
        min_sv="Inte alls lyckat",
        max_fi="Erittäin onnistunut",
        max_sv="Mycket lyckat",
        dont_know=False,
    )
    added_value = Question.objects.create(
        survey=survey,
        page=pages[4],
        order=2,
        kind=Question.Kind.LONG_TEXT,
        text_fi="Millaista lisäarvoa koordinaatiohanke on tuonut hankkeellesi?",
        text_sv="Vilket mervärde har koordineringsprojektet gett ditt projekt?",
    )
    condition = Condition.objects.create(
        page=pages[4], source=role_q, operator=Condition.Operator.CHOICE_IN
    )
    condition.choices.set([roles[0]])
    return {
        "pages": pages,
        "project": project_q,
        "role": role_q,
        "roles": roles,
        "effects": effects,
        "open": open_qs,
        "goals": goals,
        "added_value": added_value,
    }


def _weighted(rng: random.Random, weights: list[int]) -> int:
    return rng.choices(range(1, len(weights) + 1), weights=weights)[0]


def generate_responses(survey: Survey, parts: dict, *, seed: int = 2025) -> int:
    """101 responses as in the seed; bulk inserts, a few queries in all."""
    rng = random.Random(seed)
    projects = list(Project.objects.network().order_by("name"))[: len(PROJECT_COUNTS)]
    if not projects:
        return 0
    project_of = [p for p, n in zip(projects, PROJECT_COUNTS, strict=False) for _ in range(n)]
    role_of = [r for r, n in zip(parts["roles"], ROLE_COUNTS, strict=True) for _ in range(n)]
    rng.shuffle(role_of)
    collectors = {
        p.pk: Collector.objects.get_or_create(
            survey=survey, kind=Collector.Kind.PROJECT, project=p
        )[0]
        for p in projects
    }
    start = survey.opens_at or timezone.now()
    responses = []
    for index, project in enumerate(project_of):
        completed = start + timedelta(minutes=rng.randint(60, 21 * 24 * 60))
        responses.append(
            Response(
                survey=survey,
                collector=collectors[project.pk],
                project=project,
                submission_key=uuid.UUID(int=rng.getrandbits(128)),
                language="sv" if index % 9 == 0 else "fi",
                started_at=completed - timedelta(minutes=rng.randint(4, 25)),
                completed_at=completed,
            )
        )
    Response.objects.bulk_create(responses)
    statements = list(parts["effects"].statements.all())
    goal_statements = list(parts["goals"].statements.all())
    reached = set(rng.sample(range(len(responses)), 81))
    dont_know = {
        statement.pk: set(rng.sample(sorted(reached), number % 2))
        for number, statement in enumerate(statements)
    }
    answers = []
    for index, (response, role) in enumerate(zip(responses, role_of, strict=True)):
        answers.append(
            Answer(response=response, question=parts["project"], project=response.project)
        )
        answers.append(Answer(response=response, question=parts["role"], choice=role))
        for statement, weights in zip(statements, EFFECT_WEIGHTS, strict=True):
            if index not in reached:
                continue
            if index in dont_know[statement.pk]:
                answers.append(
                    Answer(
                        response=response,
                        question=parts["effects"],
                        statement=statement,
                        dont_know=True,
                    )
                )
            else:
                answers.append(
                    Answer(
                        response=response,
                        question=parts["effects"],
                        statement=statement,
                        value=_weighted(rng, weights),
                    )
                )
        for key, question in parts["open"].items():
            if rng.random() < 0.35:
                answers.append(
                    Answer(response=response, question=question, text=rng.choice(QUOTES[key]))
                )
        if role == parts["roles"][0]:
            for statement, weights in zip(goal_statements, GOAL_WEIGHTS, strict=True):
                answers.append(
                    Answer(
                        response=response,
                        question=parts["goals"],
                        statement=statement,
                        value=_weighted(rng, weights),
                    )
                )
    Answer.objects.bulk_create(answers)
    return len(responses)


def load() -> None:
    survey, _created = Survey.objects.update_or_create(
        slug_fi=SLUG_2025, defaults=_survey_defaults()
    )
    Collector.objects.get_or_create(survey=survey, kind=Collector.Kind.PUBLIC)
    parts = _parts(survey) if survey.pages.exists() else build_questions(survey)
    if not survey.responses.exists():
        generate_responses(survey, parts)
    # The open follow-up round, linked question by question for comparison.
    follow_up = Survey.objects.filter(series=SERIES, round=2).first()
    if follow_up is None:
        from .services import survey_copy_as_next_round

        follow_up = survey_copy_as_next_round(survey)
    now = timezone.now()
    Survey.objects.filter(pk=follow_up.pk).update(
        slug_fi=SLUG_2026,
        slug_sv="natverksenkat-2026",
        title_fi="Välitä!-verkostokysely 2026",
        title_sv="Visa omtanke!-nätverksenkät 2026",
        status=Survey.Status.OPEN,
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=90),
        is_listed=True,
    )
    Collector.objects.get_or_create(survey=follow_up, kind=Collector.Kind.PUBLIC)


def _parts(survey: Survey) -> dict:
    questions = list(survey.questions.select_related("page").order_by("page__order", "order"))
    role_q = next(q for q in questions if q.kind == Question.Kind.SINGLE)
    likerts = [q for q in questions if q.kind == Question.Kind.LIKERT]
    open_qs = [q for q in questions if q.kind == Question.Kind.LONG_TEXT and q.page.order < 5]
    return {
        "project": next(q for q in questions if q.kind == Question.Kind.PROJECT),
        "role": role_q,
        "roles": list(role_q.choices.all()),
        "effects": likerts[0],
        "goals": likerts[1],
        "open": {key: q for (key, _fi, _sv), q in zip(OPEN_QUESTIONS, open_qs, strict=True)},
    }
