"""The demo content of every app, loaded in dependency order by `manage.py load_demo`."""

from blog import demo as blog_demo
from events import demo as events_demo
from practices import demo as practice_demo
from projects import demo as projects_demo
from reports import demo as reports_demo
from search import demo as search_demo
from surveys import demo as surveys_demo

DEMO_LOADERS = [
    ("projects", projects_demo.load),
    ("events", events_demo.load),
    ("blog", blog_demo.load),
    ("practices", practice_demo.load),
    ("surveys", surveys_demo.load),
    ("reports", reports_demo.load),
    ("search", search_demo.load),  # keep last: indexes what the loaders above created
]
