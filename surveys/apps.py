from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Kyselyt")

    def ready(self):
        from core.content_cache import register_scheduled_change

        from .models import Survey

        # The cached lists are retired when a survey opens or closes by its own times.
        register_scheduled_change(Survey.objects.next_opening_or_closing, scopes=("surveys",))
