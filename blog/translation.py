from modeltranslation.translator import TranslationOptions, register

from .models import Post


@register(Post)
class PostTranslationOptions(TranslationOptions):
    # No required language: a post may be written in Finnish or Swedish only.
    fields = ("title", "slug", "lead", "body", "cover_alt")
    required_languages = ()
