import pytest


@pytest.fixture
def demo_survey(db):
    """The 2025 network survey of the demo (101 responses over nine projects)."""
    from projects import demo as projects_demo
    from surveys import demo as surveys_demo
    from surveys.models import Survey

    projects_demo.load()
    surveys_demo.load()
    return Survey.objects.get(slug=surveys_demo.SLUG_2025)
