from modeltranslation.translator import TranslationOptions, register

from .models import Post, PostImage


@register(Post)
class PostTranslationOptions(TranslationOptions):
    # No required language: a post may be written in Finnish or Swedish only.
    fields = ("title", "slug", "lead", "body", "cover_alt")
    required_languages = ()


@register(PostImage)
class PostImageTranslationOptions(TranslationOptions):
    # Both required: an image in the text is described in both languages.
    fields = ("alt",)
    required_languages = ("fi", "sv")
