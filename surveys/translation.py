from modeltranslation.translator import TranslationOptions, register

from .models import Choice, Page, Question, Statement, Survey


@register(Survey)
class SurveyTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "intro", "thank_you")
    required_languages = ("fi",)


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "intro")


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    fields = ("text", "help_text", "scale_min_label", "scale_max_label")
    required_languages = ("fi",)


@register(Statement)
class StatementTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("fi",)


@register(Choice)
class ChoiceTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("fi",)
