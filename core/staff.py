"""The gate of every staff workspace page (`/fi/tyotila/`, `/sv/arbetsyta/`).

Signed-out visitors are sent to sign in; signed-in users without a role in the network get
403. Every write through a workspace page is recorded in the content's history
(core/versions.py). Which objects a user may change is decided after the gate, by each model's
`editable_by` queryset, as in the admin. Staff pages are personal: never stored by a cache.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.cache import add_never_cache_headers

from .roles import can_use_workspace
from .versions import revision

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def workspace_page(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_use_workspace(request.user):
            raise PermissionDenied
        if request.method in SAFE_METHODS:
            response = view(request, *args, **kwargs)
        else:
            # Every change made here is kept in the history, with who and when.
            with revision(request.user):
                response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapped
