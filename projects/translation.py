from modeltranslation.translator import TranslationOptions, register

from .models import ContactPerson, Organisation, Project, Theme


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
