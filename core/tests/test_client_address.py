"""The client's address behind trusted proxies, for the portal's and allauth's rate limits."""

import pytest
from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.test import RequestFactory

from core import ratelimit
from core.client_address import client_address

PROXY = "10.0.0.2"


def request(forwarded=None, remote=PROXY):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/fi/", **headers)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request("198.51.100.7")) == PROXY


@pytest.mark.parametrize(
    ("count", "forwarded", "client"),
    [
        (1, "198.51.100.7", "198.51.100.7"),
        # What the client wrote itself stands left of what our proxy appended.
        (1, "203.0.113.66, 198.51.100.7", "198.51.100.7"),
        (1, "203.0.113.66,198.51.100.7", "198.51.100.7"),
        (2, "203.0.113.66, 198.51.100.7, 10.0.0.1", "198.51.100.7"),
        (1, "2001:db8::7", "2001:db8::7"),
        (1, "[2001:db8::7]:4431", "2001:db8::7"),
        (1, "198.51.100.7:4431", "198.51.100.7"),
    ],
)
def test_the_client_is_read_through_the_trusted_proxies(settings, count, forwarded, client):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_address(request(forwarded)) == client


def test_a_request_that_skipped_a_proxy_is_taken_by_its_own_address(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_address(request("198.51.100.7")) == PROXY
    assert client_address(request()) == PROXY


def test_a_trusted_value_that_is_no_address_gives_none(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request("203.0.113.66, not-an-address")) is None


def test_allauth_counts_the_same_client(settings, rf):
    settings.TRUSTED_PROXY_COUNT = 1
    assert get_adapter().get_client_ip(request("203.0.113.66, 198.51.100.7")) == "198.51.100.7"


class TestRateLimitBehindTheProxy:
    @pytest.fixture(autouse=True)
    def _proxy(self, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        cache.clear()
        yield
        cache.clear()

    def allow(self, forwarded):
        return ratelimit.allow(request(forwarded), "test-scope", limit=1, period=60)

    def test_each_visitor_behind_the_proxy_has_a_limit_of_their_own(self):
        assert self.allow("198.51.100.7")
        assert not self.allow("198.51.100.7")
        assert self.allow("198.51.100.8")  # another visitor through the same proxy

    def test_a_spoofed_left_most_value_does_not_escape_the_limit(self):
        assert self.allow("198.51.100.7")
        assert not self.allow("203.0.113.1, 198.51.100.7")
        assert not self.allow("203.0.113.2, 198.51.100.7")

    def test_an_ipv6_client_counts_by_its_network(self):
        assert self.allow("2001:db8::7")
        assert not self.allow("2001:db8::8")
