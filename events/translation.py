from modeltranslation.translator import TranslationOptions, register

from .models import Event, EventMaterial


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "description", "venue", "address", "audience")
    required_languages = ("fi",)


@register(EventMaterial)
class EventMaterialTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("fi",)
