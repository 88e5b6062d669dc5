"""The role × action matrix of the workspace, shared by every app's workspace tests.

Each app's `tests/test_workspace_matrix.py` lists its views with the roles allowed to use
them and calls `check_matrix`; `workspace/tests/test_role_matrix.py` fails when a workspace
URL is missing from every list (`COVERED` in those modules).
"""

from django.contrib.auth import get_user_model

# The cast of the root conftest, plus a signed-in user without any role in the network.
ROLES = ("visitor", "nobody", "coordinator", "other_coordinator", "network_coordinator", "oph")
DENIED = {403, 404}


def nobody():
    return get_user_model().objects.create_user(email="nobody@example.org", password="x")


def request_as(client, user, method, url, data=None):
    client.logout()
    if user is not None and user.is_authenticated:
        client.force_login(user)
    return getattr(client, method)(url, data or {})


def check_matrix(client, cast, url, allowed, method="get", data=None, ok=(200, 302)):
    """Asserts that exactly the roles in `allowed` get through; the others are refused
    (the visitor is sent to sign in). Returns {role: response} for further checks.

    `data` may be a callable (role -> dict), so that a form posted by several roles does not
    trip over what an earlier role's request changed."""
    cast = {**cast, "nobody": cast.get("nobody") or nobody()}
    responses = {}
    for role in ROLES:
        payload = data(role) if callable(data) else data
        response = request_as(client, cast[role], method, url, payload)
        responses[role] = response
        if role in allowed:
            assert response.status_code in ok, (role, url, response.status_code)
            if response.status_code == 302:
                assert "/login/" not in response["Location"], (role, url)
        elif role == "visitor":
            assert response.status_code == 302 and "login" in response["Location"], (role, url)
        else:
            assert response.status_code in DENIED, (role, url, response.status_code)
    return responses
