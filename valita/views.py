"""The site's own pages: the home, the theme and project pages that gather the sections
of the apps (valita/sections.py), the statements, robots.txt and the error pages."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from core import jsonld
from core.content_cache import deferred, shared_with_visitors
from core.translation_utils import first_url_word, get_by_slug
from projects.models import Project, Theme

from .sections import (
    HOME_NAMES,
    PROJECT_NAMES,
    THEME_NAMES,
    home_sections,
    project_sections,
    theme_sections,
)


@require_GET
def language_redirect(request):
    """`/` sends the visitor to the language their browser prefers."""
    language = translation.get_language_from_request(request, check_path=False)
    with translation.override(language):
        response = HttpResponseRedirect(reverse("home"))
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


def home_content() -> dict:
    return {
        "coordination": Project.objects.coordination().published().first(),
        "themes": Theme.objects.all(),
        "projects": Project.objects.network().published().for_listing(),
        **home_sections(),
    }


def home(request):
    context = {
        **deferred(home_content, "coordination", "themes", "projects", *HOME_NAMES),
        "jsonld": jsonld.dumps(jsonld.site_organization()),
    }
    return render(request, "valita/home.html", context)


def theme_detail(request, slug):
    theme = shared_with_visitors(
        request, ("theme-page", slug), "projects", lambda: get_by_slug(Theme.objects.all(), slug)[0]
    )
    wrong_slug = theme.slug != slug  # per request: the slug follows the language
    if wrong_slug:
        return redirect(theme, permanent=True)

    def content() -> dict:
        projects = Project.objects.network().published().with_theme(theme).for_listing()
        return {"projects": projects, **theme_sections(theme)}

    context = {"object": theme, "theme": theme, **deferred(content, "projects", *THEME_NAMES)}
    return render(request, "projects/theme_detail.html", context)


def project_detail(request, slug):
    project = shared_with_visitors(
        request,
        ("project-page", slug),
        "projects",
        lambda: get_by_slug(
            (
                Project.objects.published()
                .select_related("lead_organisation")
                .prefetch_related("themes", "partner_organisations", "contacts")
            ),
            slug,
        )[0],
    )
    wrong_slug = project.slug != slug  # per request: the slug follows the language
    if wrong_slug:
        return redirect(project, permanent=True)

    context = {
        "object": project,
        "project": project,
        **deferred(lambda: project_sections(project), *PROJECT_NAMES),
    }
    return render(request, "projects/project_detail.html", context)


def accessibility_statement(request):
    return render(request, "valita/accessibility.html")


def privacy_notice(request):
    context = {
        "log_retention_days": settings.WEB_LOG_RETENTION_DAYS,
        "draft_retention_days": settings.SURVEYS_DRAFT_RETENTION_DAYS,
    }
    return render(request, "valita/privacy.html", context)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *"]
    for code, _name in settings.LANGUAGES:
        account = first_url_word("account_login", code)
        lines += [f"Disallow: /{code}/admin/", f"Disallow: /{code}/{account}/"]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def bad_request(request, exception):
    """400 with the site's page; the exception may say what to do (`user_message`)."""
    message = getattr(exception, "user_message", None) or _(
        "Pyyntöä ei voitu käsitellä, koska siinä oli virheellisiä tietoja. Tarkista osoite "
        "tai lomake ja yritä uudelleen."
    )
    return render(request, "400.html", {"message": message}, status=400)


def page_not_found(request, exception):
    """404, except for an address without a language prefix that is a page in Finnish
    (`/hankkeet/aani/`, as old links and earlier sitemaps gave it): that one goes to the
    same page in the visitor's language, as `/` does."""
    target = _unprefixed_page_in_language(request)
    if target:
        response = HttpResponseRedirect(target)
        patch_vary_headers(response, ["Accept-Language", "Cookie"])
        return response
    return render(request, "404.html", status=404)


def _unprefixed_page_in_language(request) -> str:
    if request.method not in ("GET", "HEAD") or get_language_from_path(request.path_info):
        return ""
    default = settings.LANGUAGE_CODE
    finnish = f"/{default}{request.path_info}"
    with translation.override(default):
        try:
            resolve(finnish)
        except Resolver404:
            return ""
        language = translation.get_language_from_request(request, check_path=False)
        target = translate_url(finnish, language)
    query = request.META.get("QUERY_STRING", "")
    return f"{target}?{query}" if query else target


def server_error(request):
    return render(request, "500.html", status=500)
