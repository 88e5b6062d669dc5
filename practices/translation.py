"""The translated fields of practices, their attachments and links (modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Practice, PracticeAttachment, PracticeLink


@register(Practice)
class PracticeTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "slug",
        "summary",
        "problem",
        "target_group_details",
        "steps",
        "resources",
        "evaluation",
    )
    required_languages = ("fi",)


@register(PracticeAttachment)
class PracticeAttachmentTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("fi",)


@register(PracticeLink)
class PracticeLinkTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("fi",)
