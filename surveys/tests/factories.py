import factory
from django.utils import timezone

from projects.tests.factories import ProjectFactory
from surveys.models import (
    Choice,
    Collector,
    Condition,
    Invitation,
    Page,
    Question,
    Statement,
    Survey,
)


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey
        skip_postgeneration_save = True

    title_fi = factory.Sequence(lambda n: f"Kysely {n}")
    title_sv = factory.Sequence(lambda n: f"Enkät {n}")
    slug_fi = factory.Sequence(lambda n: f"kysely-{n}")
    slug_sv = factory.Sequence(lambda n: f"enkat-{n}")
    intro_fi = "Vastaa kyselyyn."
    intro_sv = "Svara på enkäten."
    thank_you_fi = "Kiitos vastauksistasi."
    thank_you_sv = "Tack för dina svar."
    series = factory.Sequence(lambda n: f"sarja-{n}")
    status = Survey.Status.OPEN
    opens_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=1))

    @factory.post_generation
    def public(self, create, extracted, **kwargs):
        if create and extracted is not False:
            Collector.objects.create(survey=self, kind=Collector.Kind.PUBLIC)


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    survey = factory.SubFactory(SurveyFactory)
    order = factory.Sequence(lambda n: n)
    title_fi = factory.Sequence(lambda n: f"Sivu {n}")
    title_sv = factory.Sequence(lambda n: f"Sida {n}")


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    page = factory.SubFactory(PageFactory)
    survey = factory.LazyAttribute(lambda o: o.page.survey)
    order = factory.Sequence(lambda n: n)
    kind = Question.Kind.SHORT_TEXT
    text_fi = factory.Sequence(lambda n: f"Kysymys {n}")
    text_sv = factory.Sequence(lambda n: f"Fråga {n}")


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    question = factory.SubFactory(QuestionFactory, kind=Question.Kind.LIKERT)
    order = factory.Sequence(lambda n: n)
    text_fi = factory.Sequence(lambda n: f"Väittämä {n}")
    text_sv = factory.Sequence(lambda n: f"Påstående {n}")


class ChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory, kind=Question.Kind.SINGLE)
    order = factory.Sequence(lambda n: n)
    text_fi = factory.Sequence(lambda n: f"Vaihtoehto {n}")
    text_sv = factory.Sequence(lambda n: f"Alternativ {n}")


class CollectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collector

    survey = factory.SubFactory(SurveyFactory)
    kind = Collector.Kind.PROJECT
    project = factory.SubFactory(ProjectFactory)


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    collector = factory.SubFactory(CollectorFactory, kind=Collector.Kind.INVITATION, project=None)
    email = factory.Sequence(lambda n: f"vastaaja{n}@example.org")
    language = "fi"


def build_survey(**kwargs) -> dict:
    """A three-page survey with every question kind and two conditions.

    Page 1: Likert group (2 statements, required), single choice (required), project.
    Page 2: shown only when the single choice is "Kyllä": multiple choice, number;
            a long text shown only when statement 1 is at least 4.
    Page 3: short text (required).
    """
    survey = SurveyFactory(**kwargs)
    p1 = PageFactory(survey=survey, order=1)
    p2 = PageFactory(survey=survey, order=2)
    p3 = PageFactory(survey=survey, order=3)
    likert = QuestionFactory(page=p1, kind=Question.Kind.LIKERT, required=True, order=1)
    s1 = StatementFactory(question=likert, order=1)
    s2 = StatementFactory(question=likert, order=2)
    single = QuestionFactory(page=p1, kind=Question.Kind.SINGLE, required=True, order=2)
    yes = ChoiceFactory(question=single, text_fi="Kyllä", text_sv="Ja", order=1)
    no = ChoiceFactory(question=single, text_fi="Ei", text_sv="Nej", order=2)
    project_q = QuestionFactory(page=p1, kind=Question.Kind.PROJECT, order=3)
    multiple = QuestionFactory(page=p2, kind=Question.Kind.MULTIPLE, order=1)
    m1 = ChoiceFactory(question=multiple, order=1)
    m2 = ChoiceFactory(question=multiple, order=2)
    number = QuestionFactory(page=p2, kind=Question.Kind.NUMBER, order=2)
    long_text = QuestionFactory(page=p2, kind=Question.Kind.LONG_TEXT, order=3)
    short = QuestionFactory(page=p3, kind=Question.Kind.SHORT_TEXT, required=True, order=1)
    page_condition = Condition.objects.create(
        page=p2, source=single, operator=Condition.Operator.CHOICE_IN
    )
    page_condition.choices.set([yes])
    Condition.objects.create(
        question=long_text,
        source=likert,
        operator=Condition.Operator.AT_LEAST,
        statement=s1,
        value=4,
    )
    return {
        "survey": survey,
        "pages": (p1, p2, p3),
        "likert": likert,
        "s1": s1,
        "s2": s2,
        "single": single,
        "yes": yes,
        "no": no,
        "project": project_q,
        "multiple": multiple,
        "m1": m1,
        "m2": m2,
        "number": number,
        "long": long_text,
        "short": short,
    }
