from functools import partial

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe

from core.content_cache import deferred, shared_with_visitors, shows
from core.files import file_response
from core.images import CONTENT_TYPES
from core.query_params import reads_query
from core.translation_utils import get_by_slug
from projects.models import Project, Theme

from . import services
from .jsonld import post_jsonld
from .models import Post, PostImage

PER_PAGE = 10


def _filter_links(items, key: str, selected, other: dict) -> list[dict]:
    """Filter choices as plain links (the page works without JavaScript)."""
    base = reverse("blog:post_list")
    links = []
    for item in items:
        active = selected is not None and item.pk == selected.pk
        params = dict(other)
        if not active:
            params[key] = item.slug
        url = base + ("?" + urlencode(params) if params else "")
        links.append({"item": item, "active": active, "url": url})
    return links


def _selected(items, slug):
    """The filter item of a slug in either language (no query: the items are loaded)."""
    if not slug:
        return None
    return next((item for item in items if slug in (item.slug_fi, item.slug_sv)), None)


def _post_list_content(request) -> dict:
    """The list's data: queried only when its shared fragments are rendered."""
    themes = list(Theme.objects.all())
    projects = list(Project.objects.published())
    theme = _selected(themes, request.GET.get("teema"))
    project = _selected(projects, request.GET.get("hanke"))
    posts = Post.objects.published()
    if theme:
        posts = posts.with_theme(theme)
    if project:
        posts = posts.with_project(project)
    paginator = Paginator(posts.for_cards().newest_first(), PER_PAGE)
    page = paginator.get_page(request.GET.get("sivu"))
    theme_param = {"teema": theme.slug} if theme else {}
    project_param = {"hanke": project.slug} if project else {}
    if theme:
        feed_rss = reverse("blog:theme_rss", kwargs={"slug": theme.slug})
        feed_atom = reverse("blog:theme_atom", kwargs={"slug": theme.slug})
    elif project:
        feed_rss = reverse("blog:project_rss", kwargs={"slug": project.slug})
        feed_atom = reverse("blog:project_atom", kwargs={"slug": project.slug})
    else:
        feed_rss, feed_atom = reverse("blog:rss"), reverse("blog:atom")
    return {
        "page": page,
        "theme": theme,
        "project": project,
        "theme_links": _filter_links(themes, "teema", theme, project_param),
        "project_links": _filter_links(projects, "hanke", project, theme_param),
        "feed_rss": feed_rss,
        "feed_atom": feed_atom,
    }


POST_LIST_NAMES = (
    "page",
    "theme",
    "project",
    "theme_links",
    "project_links",
    "feed_rss",
    "feed_atom",
)


@require_GET
@shows("blog")
@reads_query("teema", "hanke", "sivu")
def post_list(request):
    content = deferred(partial(_post_list_content, request), *POST_LIST_NAMES)
    return render(request, "blog/post_list.html", content)


def _detail_context(request, post: Post, *, preview: bool = False) -> dict:
    may_edit = (
        request.user.is_authenticated
        and Post.objects.editable_by(request.user).filter(pk=post.pk).exists()
    )

    return {
        "object": post,
        "post": post,
        **deferred(
            lambda: {"related": services.related_posts(post), "jsonld": post_jsonld(post)},
            "related",
            "jsonld",
        ),
        "may_edit": may_edit,
        "preview": preview,
        "preview_url": services.preview_url(post) if may_edit and not post.is_live else "",
        "feed_rss": reverse("blog:rss"),
        "feed_atom": reverse("blog:atom"),
    }


@require_GET
@shows("blog")
def post_detail(request, slug):
    post = shared_with_visitors(
        request,
        ("post-page", slug),
        "blog",
        lambda: get_by_slug(
            Post.objects.visible_to(request.user).for_listing(),
            slug,
        )[0],
    )
    wrong_slug = post.slug != slug  # per request: the slug follows the language
    if wrong_slug:
        return redirect(post, permanent=True)
    return render(request, "blog/post_detail.html", _detail_context(request, post))


@never_cache
@require_GET
def post_preview(request, token):
    """A draft or scheduled post through a signed link that expires (no sign-in needed)."""
    post = services.post_from_preview_token(token)
    if post is None:
        raise Http404
    context = _detail_context(request, post, preview=True)
    response = render(request, "blog/post_detail.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_safe
def cover(request, post_id, name):
    """A cover or one of its renditions: for anybody once the post is public, before
    that only for those who may see the post (its editors, or the signed address that
    a preview page carries). Unpublishing takes the cover away at once."""
    post = Post.objects.visible_to(request.user).filter(pk=post_id).first()
    if post is None:
        post = Post.objects.filter(pk=post_id).first()
        if post is None or not post.cover_token_valid(request.GET.get("t", "")):
            raise Http404
    file = post.cover_file_named(name)
    if file is None:
        raise Http404
    extension = file.name.rsplit(".", 1)[-1].lower()
    response = file_response(
        file,
        filename=name,
        content_type=CONTENT_TYPES.get(extension, "application/octet-stream"),
        as_attachment=False,
        cache="public" if post.is_live else "private",
    )
    if post.is_live:
        # Shared caches may keep it no longer than the page cache keeps a page.
        patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_SECONDS)
    else:
        patch_cache_control(response, no_store=True)
    return response


@require_safe
def body_image(request, image_id):
    """An image inside a post's text: for anybody once the post is public, before that
    only for those who may see the post (its editors). Unpublishing hides it at once."""
    image = PostImage.objects.select_related("post").filter(pk=image_id).first()
    if image is None or not Post.objects.visible_to(request.user).filter(pk=image.post_id).exists():
        raise Http404
    live = image.post.is_live
    extension = image.image.name.rsplit(".", 1)[-1].lower()
    response = file_response(
        image.image,
        filename=image.image.name.rsplit("/", 1)[-1],
        content_type=CONTENT_TYPES.get(extension, "application/octet-stream"),
        as_attachment=False,
        cache="public" if live else "private",
    )
    if live:
        patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_SECONDS)
    else:
        patch_cache_control(response, no_store=True)
    return response
