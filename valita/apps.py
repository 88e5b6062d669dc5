"""The site: the top floor, which composes the apps (README, "Layout")."""

from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "valita"
    # "valita" is the label of core's models and tables (core/apps.py).
    label = "site"
