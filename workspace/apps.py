from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    """The staff workspace's shared layout and home. It sits on the top floor with the site:
    the home gathers what waits for the user from every app by plain imports; each app's
    own staff pages live in that app (`<app>/workspace_views.py`, `<app>/workspace_urls.py`)."""

    name = "workspace"
    verbose_name = "Työtila"

    def ready(self):
        # The translation workflow follows every save of the tracked content.
        from .translations import connect_receivers

        connect_receivers()
