"""The demo content of every app, loaded in dependency order by `manage.py load_demo`."""

from events import demo as events_demo
from projects import demo as projects_demo

DEMO_LOADERS = [
    ("projects", projects_demo.load),
    ("events", events_demo.load),
]

from blog import demo as blog_demo  # noqa: E402

DEMO_LOADERS.append(("blog", blog_demo.load))
