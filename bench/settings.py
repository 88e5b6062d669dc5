"""Settings of the server that `make bench` measures: production's (valita.settings) and
the switches only a benchmark needs, which the production request path never sees.

- `/bench/hello`: the hello-world baseline, on the same server (bench.urls).
- `X-Bench-No-Cache: 1`: the page is rendered for the request, not taken from the
  whole-page cache (bench.middleware.SwitchablePageCacheMiddleware).
- `X-Bench-No-Fragments: 1`: its `{% cache %}` fragments are rendered too
  (bench.middleware.fragment_switch), so the whole page is rendered.
"""

import copy

from valita.settings import *  # noqa: F403
from valita.settings import MIDDLEWARE, TEMPLATES

ROOT_URLCONF = "bench.urls"
MIDDLEWARE = [
    "bench.middleware.SwitchablePageCacheMiddleware"
    if name == "core.middleware.AnonymousPageCacheMiddleware"
    else name
    for name in MIDDLEWARE
]
TEMPLATES = copy.deepcopy(TEMPLATES)
TEMPLATES[0]["OPTIONS"]["context_processors"] = [
    *TEMPLATES[0]["OPTIONS"]["context_processors"],
    "bench.middleware.fragment_switch",
]
