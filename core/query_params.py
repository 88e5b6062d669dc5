"""The query parameters a page reads, and only those, in its cache keys and links.

A view declares the parameters it reads:

    @reads_query("teema", "sivu")
    def post_list(request): ...

The anonymous page cache (core/middleware.py), the shared fragments and the
links a page builds from its own address (language switch, pagination) use only
those: `/fi/?utm=1`, `/fi/?utm=2`, ... are the one cached entry of `/fi/`, so
junk parameters can neither fill the cache nor be written into a cached page. A
view that declares nothing is taken to read none. While a page is rendered for
the cache its GET is watched (`WatchedQuery`): a page that read a parameter its
view did not declare is not stored, with a warning (an error in the tests).
"""

import warnings
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.encoding import escape_uri_path

ATTRIBUTE = "reads_query"


def reads_query(*names: str):
    """Declare the query parameters a view reads (see the module docstring)."""

    def decorate(view):
        setattr(view, ATTRIBUTE, frozenset(names))
        return view

    return decorate


def declared(request) -> frozenset | None:
    """The parameters the request's view declares, None when it declares nothing
    (resolving the view when the URL resolver has not yet: the page cache asks
    before the view runs)."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        language = request.path_info.split("/")[1]
        try:
            with translation.override(language):
                match = resolve(request.path_info)
        except Resolver404:
            return None
    view = match.func
    names = getattr(view, ATTRIBUTE, None)
    if names is None:
        names = getattr(getattr(view, "view_class", None), ATTRIBUTE, None)
    return names


def read_query(request) -> QueryDict:
    """request.GET with only the view's declared parameters (all of it for a view that
    declares none: such a page is not stored if it reads any)."""
    names = declared(request)
    if names is None:
        return request.GET
    query = QueryDict(mutable=True)
    for name in sorted(names):
        if name in request.GET:
            query.setlist(name, request.GET.getlist(name))
    query._mutable = False
    return query


def declared_query(request) -> QueryDict:
    """request.GET with only the view's declared parameters, empty for a view that
    declares none: what a link to the same page in another form (language) carries."""
    names = declared(request) or frozenset()
    given = QueryDict(request.META.get("QUERY_STRING", ""))  # in the visitor's order
    query = QueryDict(mutable=True)
    for name, values in given.lists():
        # A NUL never names anything (and PostgreSQL refuses it): the 400 page that
        # core.input_guard renders for it links to the page without it.
        if name in names and not any("\x00" in value for value in values):
            query.setlist(name, values)
    query._mutable = False
    return query


def cache_path(request) -> str:
    """The page's path and declared query, canonical: what a cache key may use."""
    path = escape_uri_path(request.path)
    if not request.META.get("QUERY_STRING"):
        return path
    names = declared(request) or ()
    kept = [(name, request.GET.getlist(name)) for name in sorted(names) if name in request.GET]
    query = urlencode(kept, doseq=True)
    return f"{path}?{query}" if query else path


class UndeclaredQueryWarning(RuntimeWarning):
    pass


class WatchedQuery(QueryDict):
    """request.GET that remembers which parameters the page read."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.names_read: set[str] = set()
        self.read_whole = False

    @classmethod
    def watching(cls, query: QueryDict) -> "WatchedQuery":
        watched = cls(mutable=True)
        for name, values in query.lists():
            watched.setlist(name, values)
        watched._mutable = False
        watched.names_read.clear()
        return watched

    def _read(self, name):
        self.names_read.add(name)

    def __getitem__(self, name):
        self._read(name)
        return super().__getitem__(name)

    def __contains__(self, name):
        self._read(name)
        return super().__contains__(name)

    def get(self, name, default=None):
        self._read(name)
        return super().get(name, default)

    def getlist(self, name, default=None):
        self._read(name)
        return super().getlist(name, default)

    def _whole(self):
        self.read_whole = True

    def __len__(self):  # `request.GET or None` binds a form: it depends on every name
        self._whole()
        return super().__len__()

    def __iter__(self):
        self._whole()
        return super().__iter__()

    def items(self):
        self._whole()
        return super().items()

    def lists(self):
        self._whole()
        return super().lists()

    def keys(self):
        self._whole()
        return super().keys()

    def values(self):
        self._whole()
        return super().values()

    def dict(self):
        self._whole()
        return super().dict()

    def urlencode(self, safe=None):
        self._whole()
        return super().urlencode(safe)

    def copy(self):
        self._whole()
        return super().copy()

    def __copy__(self):
        self._whole()
        return super().__copy__()

    def __deepcopy__(self, memo):
        self._whole()
        return super().__deepcopy__(memo)

    def read_only(self, names: frozenset, path: str) -> bool:
        """True when nothing but `names` can have shaped the page. A page that read a
        name its view does not declare is a bug (a warning); one that read the whole
        query (a bound filter form) with other names in it is simply not stored."""
        undeclared = self.names_read - names

        if undeclared:
            warnings.warn(
                f"{path} read the query parameter(s) {sorted(undeclared)} that its view "
                "does not declare with @reads_query: the page is not cached.",
                UndeclaredQueryWarning,
                stacklevel=2,
            )
            return False
        return not (self.read_whole and set(dict.keys(self)) - names)
