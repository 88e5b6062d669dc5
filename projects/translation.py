from modeltranslation.translator import TranslationOptions, register

from .models import (
    ContactPerson,
    Organisation,
    Practice,
    PracticeAttachment,
    PracticeLink,
    Project,
    Theme,
)


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name", "slug", "description")
    required_languages = ("fi",)


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("fi",)


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    fields = (
        "name",
        "short_name",
        "slug",
        "summary",
        "description",
        "goals",
        "funder",
        "region",
        "logo_alt",
    )
    required_languages = ("fi",)


@register(ContactPerson)
class ContactPersonTranslationOptions(TranslationOptions):
    fields = ("title",)


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
