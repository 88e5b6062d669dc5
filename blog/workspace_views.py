"""The blog in the staff workspace: the list, the editor, images, preview, review.

Every view passes the workspace gate and then asks `Post.objects.editable_by(user)`:
a post outside it is a 404; an action the role may not take (OPH viewers change nothing,
only network coordinators review) is a 403. Writes go through blog.services.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.roles import is_network_coordinator
from core.staff import workspace_page
from core.versions import current_fields, field_changes

from . import services
from .models import Post
from .views import _detail_context
from .workspace_forms import PostForm, PostImageForm, ReturnForm

PER_PAGE = 25
STATUS_FILTERS = ("draft", "review", "scheduled", "published")


def _may_write(user) -> bool:
    return services.may_write(user)


def _editable(request, pk) -> Post:
    return get_object_or_404(Post.objects.editable_by(request.user), pk=pk)


def _filtered(posts, status: str):
    if status == "scheduled":
        return posts.scheduled()
    if status == "published":
        return posts.published()
    if status in ("draft", "review"):
        return posts.filter(status=status)
    return posts


@workspace_page
def post_list(request):
    status = request.GET.get("tila", "")
    status = status if status in STATUS_FILTERS else ""
    posts = _filtered(Post.objects.editable_by(request.user), status)
    posts = posts.prefetch_related("projects").select_related("author").order_by("-updated_at")
    page = Paginator(posts, PER_PAGE).get_page(request.GET.get("sivu"))
    context = {
        "page": page,
        "status": status,
        "status_filters": [
            ("", _("Kaikki")),
            ("draft", _("Luonnokset")),
            ("review", _("Odottaa tarkistusta")),
            ("scheduled", _("Ajastetut")),
            ("published", _("Julkaistut")),
        ],
        "may_write": _may_write(request.user),
        "is_reviewer": is_network_coordinator(request.user),
    }
    return render(request, "blog/workspace/post_list.html", context)


def _intent(request) -> str:
    intent = request.POST.get("toiminto", services.INTENT_SAVE)
    allowed = (services.INTENT_SAVE, services.INTENT_PUBLISH, services.INTENT_SUBMIT)
    return intent if intent in allowed else services.INTENT_SAVE


def _saved_message(post: Post, intent: str) -> str:
    if intent == services.INTENT_SUBMIT:
        return _("Kirjoitus lähetettiin tarkistettavaksi. Saat sähköpostia, kun se on käsitelty.")
    if post.is_scheduled:
        return _("Kirjoitus on ajastettu julkaistavaksi.")
    if post.is_live:
        return (
            _("Kirjoitus on julkaistu.") if intent == "publish" else _("Muutokset tallennettiin.")
        )
    return _("Luonnos tallennettiin.")


def _editor(request, post: Post | None):
    user = request.user
    if not _may_write(user):
        raise PermissionDenied
    instance = post or Post()
    form = PostForm(request.POST or None, request.FILES or None, instance=instance, editor=user)
    if request.method == "POST" and form.is_valid():
        intent = _intent(request)
        try:
            saved = services.post_write(
                post=form.instance,
                user=user,
                projects=form.chosen_projects(),
                themes=form.chosen_themes(),
                intent=intent,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _saved_message(saved, intent))
            return redirect("blog_workspace:post_edit", pk=saved.pk)
    return render(request, "blog/workspace/post_form.html", _editor_context(request, form, post))


def _editor_context(request, form, post: Post | None) -> dict:
    user = request.user
    projects = _shown_projects(form, post)
    needs_review = (post or Post()).needs_review_by(user, projects=projects)
    context = {
        "form": form,
        "post": post,
        "needs_review": needs_review,
        "image_form": PostImageForm(),
        "images": [
            {"image": image, "tag_fi": image.tag("fi"), "tag_sv": image.tag("sv")}
            for image in (post.images.all() if post else [])
        ],
        "user_is_reviewer": is_network_coordinator(user),
    }
    if post is not None:
        with translation.override("fi"):
            context["preview_fi"] = reverse("blog_workspace:post_preview", kwargs={"pk": post.pk})
        with translation.override("sv"):
            context["preview_sv"] = reverse("blog_workspace:post_preview", kwargs={"pk": post.pk})
    return context


def _shown_projects(form, post: Post | None) -> list:
    """The projects the editor's buttons answer for: those chosen in the form, else the
    post's, else (a new post) the preselected one or all the user may choose."""
    chosen = getattr(form, "cleaned_data", {}).get("projects")
    if chosen:
        return list(chosen)
    if post is not None:
        return list(post.projects.all())
    queryset = form.fields["projects"].queryset
    initial = form.initial.get("projects") or []
    return list(queryset.filter(pk__in=initial)) if initial else list(queryset)


@workspace_page
@require_http_methods(["GET", "HEAD", "POST"])
def post_create(request):
    return _editor(request, None)


@workspace_page
@require_http_methods(["GET", "HEAD", "POST"])
def post_edit(request, pk):
    return _editor(request, _editable(request, pk))


@workspace_page
@require_POST
def post_image_add(request, pk):
    """An image for the text: stored privately, its tags offered for either language."""
    post = _editable(request, pk)
    if not _may_write(request.user):
        raise PermissionDenied
    image_form = PostImageForm(request.POST, request.FILES)
    if image_form.is_valid():
        try:
            services.post_image_add(post=post, **image_form.cleaned_data)
        except ValidationError as error:
            image_form.add_error(None, error)
        else:
            messages.success(
                request, _("Kuva lisättiin. Lisää se tekstiin alla olevasta koodista.")
            )
            return redirect(reverse("blog_workspace:post_edit", kwargs={"pk": post.pk}) + "#kuvat")
    form = PostForm(instance=post, editor=request.user)
    context = _editor_context(request, form, post) | {"image_form": image_form}
    return render(request, "blog/workspace/post_form.html", context, status=400)


@workspace_page
@require_POST
def post_unpublish(request, pk):
    post = _editable(request, pk)
    if not _may_write(request.user):
        raise PermissionDenied
    try:
        services.post_unpublish(post=post, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Kirjoitus poistettiin julkaisusta. Se on nyt luonnos."))
    return redirect("blog_workspace:post_edit", pk=post.pk)


@workspace_page
def post_preview(request, pk):
    """The post as a visitor will see it, in the language of the address."""
    post = get_object_or_404(Post.objects.editable_by(request.user).for_listing(), pk=pk)
    context = _detail_context(request, post, preview=True) | {"workspace_preview": True}
    response = render(request, "blog/post_detail.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _comparison(post: Post, against: str):
    """The version the reviewer compares with: the last published one, or the one sent
    to review the time before; (version, which) or (None, "")."""
    choices = {
        "published": services.last_published_version,
        "previous": services.previous_submission,
    }
    order = [against] if against in choices else []
    order += [key for key in choices if key not in order]
    for key in order:
        version = choices[key](post)
        if version is not None:
            return version, key
    return None, ""


@workspace_page
@require_http_methods(["GET", "HEAD", "POST"])
def post_review(request, pk):
    """A network coordinator's review: the changes, then publish or return with a note."""
    post = _editable(request, pk)
    if not is_network_coordinator(request.user):
        raise PermissionDenied
    return_form = ReturnForm(request.POST or None)
    if request.method == "POST":
        try:
            if request.POST.get("toiminto") == "hyvaksy":
                reviewed = request.POST.get("tarkistettu")
                services.post_approve(post=post, reviewer=request.user, reviewed=reviewed)
                messages.success(request, _("Kirjoitus hyväksyttiin ja julkaistiin."))
            else:
                return_form.is_valid()
                note = return_form.cleaned_data.get("note", "")
                services.post_return(post=post, reviewer=request.user, note=note)
                messages.success(request, _("Kirjoitus palautettiin kirjoittajalle."))
        except ValidationError as error:
            if error.code == "no_note":
                return_form.add_error("note", error)
            else:
                messages.error(request, " ".join(error.messages))
                return redirect("blog_workspace:post_review", pk=post.pk)
        else:
            return redirect("blog_workspace:post_list")
    version, against = _comparison(post, request.GET.get("vertaa", ""))
    old = version.field_dict if version else {}
    context = {
        "post": post,
        "version": version,
        "against": against,
        "changes": field_changes(Post, old, current_fields(post)),
        "return_form": return_form,
        "waiting": post.status == Post.Status.REVIEW,
        "publishes_later": post.publish_at > timezone.now(),
    }
    status = 400 if return_form.errors else 200
    return render(request, "blog/workspace/post_review.html", context, status=status)
