"""The demo content of every app, loaded in dependency order by `manage.py load_demo`."""

from projects import demo as projects_demo
from reports import demo as reports_demo
from surveys import demo as surveys_demo

DEMO_LOADERS = [
    ("projects", projects_demo.load),
    ("surveys", surveys_demo.load),
    ("reports", reports_demo.load),
]
