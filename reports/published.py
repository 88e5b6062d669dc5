"""The public results page: the charts and quotes network coordinators chose.

Figures are the network totals (no project breakdown); a statement or question with
fewer than five answers is hidden like any small cell. A fixed number of queries per
published survey, whatever the number of responses.
"""

from collections import defaultdict
from dataclasses import dataclass

from core.translation_utils import current_language
from surveys import results

from . import survey_report
from .models import PublishedResult


@dataclass
class PublishedItem:
    entry: PublishedResult
    group: survey_report.LikertGroup | None = None
    table: object = None
    quote_text: str = ""
    quote_lang: str = ""


def published_items() -> list[PublishedItem]:
    entries = list(PublishedResult.objects.for_listing())
    chart_surveys = {e.survey_id: e.survey for e in entries if e.kind == PublishedResult.Kind.CHART}
    questions = {}
    likert = {}
    choices = {}
    for survey_id, survey in chart_surveys.items():
        for question in survey_report.survey_questions(survey):
            questions[question.pk] = question
        likert[survey_id], choices[survey_id] = results.likert_and_choice_results(survey)
    swedish = current_language() == "sv"
    items = []
    by_survey = defaultdict(list)
    for entry in entries:
        item = PublishedItem(entry=entry)
        if entry.kind == PublishedResult.Kind.CHART:
            question = questions.get(entry.question_id)
            if question is None:
                continue
            if question.is_likert:
                item.group = survey_report.likert_group(question, likert[entry.survey_id].get)
            else:
                item.table = survey_report.choice_table(
                    question, choices[entry.survey_id].get(question.pk)
                )
        else:
            quote = entry.quote
            if swedish and quote.text_sv:
                item.quote_text, item.quote_lang = quote.text_sv, "sv"
            else:
                item.quote_text = quote.answer.text
                item.quote_lang = "fi" if swedish else ""
        items.append(item)
        by_survey[entry.survey_id].append(item)
    return items
