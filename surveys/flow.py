"""The answering flow: one request's step through a survey, decided apart from its rendering.

Every way in (public link, collector link, invitation, embed, staff test mode) finds its
survey and hands it to an AnswerFlow. The flow checks that answering is open, reads the
signed draft (surveys/answering.py), refuses a draft begun through another way in,
applies what the respondent pressed (next, back,
save for later, send) and returns an Outcome: the template and context to show, or the
address to go to. Writes go through surveys/services.py; the view only renders.
"""

import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject

from core import ratelimit
from core.signed import SignedValueInvalid
from core.translation_utils import current_language

from . import collecting, services
from .answering import Draft, PageForm, Structure, merge_page_answers, merge_page_others
from .models import Collector, Invitation, Page, SavedDraft, Survey

# Page submissions per client address in five minutes (settings.SURVEYS_SUBMISSIONS_PER_5MIN,
# default 300): a school class answering together behind one address (30 people, a few
# pages each) stays well below it; a flood does not.
SUBMIT_WINDOW = 300

CLOSED = "surveys/closed.html"


def elsewhere_message() -> str:
    """Why a draft is not taken through another way in than the one it began with."""
    return translation.gettext(
        "Tämä keskeneräinen vastaus on aloitettu toisen linkin kautta. Jatka vastaamista "
        "sillä linkillä, jonka kautta aloitit (esimerkiksi sähköpostikutsusi linkillä)."
    )


@dataclass
class Outcome:
    """What to answer: a template with its context (and status), or a redirect."""

    template: str = ""
    context: dict = field(default_factory=dict)
    status: int = 200
    redirect_to: str = ""


@dataclass
class AnswerFlow:
    """One request's step through `survey`, entered through `collector` or `invitation`."""

    survey: Survey
    collector: Collector | None
    action_url: str
    thanks_url: str
    invitation: Invitation | None = None
    test: bool = False

    def respond(self, request) -> Outcome:
        """Access, then the respondent's action on the draft, then the page to show."""
        self.context = {
            "survey": self.survey,
            "object": self.survey,
            "action_url": self.action_url,
            "test": self.test,
        }
        refused = self._refusal(request)
        if refused is not None:
            return refused
        self.structure = Structure.for_survey(self.survey)
        try:
            sent = self._sent_draft(request)
        except SignedValueInvalid as error:
            # Signed by us (or with our key), yet not a draft we wrote: refuse, in the frame.
            return self._closed(error.user_message, status=400)
        if sent is not None and not self._came_in_here(sent):
            return self._closed(elsewhere_message(), status=400)
        self.draft = sent or self._new_draft()
        pages = self.structure.visible_pages(self.draft.answers)
        if not pages:
            raise Http404
        self.page = next((p for p in pages if p.pk == self.draft.page), pages[0])
        self.focus = ""
        # Built only when rendered: a first visit's page comes from the shared fragments.
        self.form = SimpleLazyObject(lambda: self._form(self.page))
        if request.method == "POST" and not self.context.get("expired"):
            ended = self._act(request, pages)
            if ended is not None:
                return ended
        return self._page_outcome(request)

    # Access ----------------------------------------------------------------------------

    def _refusal(self, request) -> Outcome | None:
        """Closed survey, used invitation or too many submissions; None: go on."""
        reason = "" if self.test else self.survey.closed_reason()
        if reason:
            return self._closed(reason)
        if self.invitation is not None and self.invitation.used_at and not self.test:
            return self._closed(translation.gettext("Tällä kutsulla on jo vastattu. Kiitos!"))
        if (
            request.method == "POST"
            and not self.test
            and not ratelimit.allow(
                request,
                "survey-answer",
                limit=settings.SURVEYS_SUBMISSIONS_PER_5MIN,
                period=SUBMIT_WINDOW,
            )
        ):
            return Outcome("surveys/rate_limited.html", self.context, status=429)
        return None

    def _closed(self, reason: str, *, status: int = 200) -> Outcome:
        return Outcome(CLOSED, {**self.context, "reason": reason}, status=status)

    # The draft -------------------------------------------------------------------------

    def _sent_draft(self, request) -> Draft | None:
        """The draft the form sent, or the saved one a `?jatka=` link names (None: start anew).

        A posted draft that is forged, expired or of the other mode marks the page expired.
        """
        draft = None
        if request.method == "POST":
            draft = Draft.loads(request.POST.get("draft", ""), structure=self.structure)
            if draft is None or draft.test != self.test:
                draft = None
                self.context["expired"] = True
        saved_token = request.GET.get("jatka") if request.method == "GET" else None
        if draft is None and saved_token:
            saved = SavedDraft.objects.filter(survey=self.survey, token=saved_token[:64]).first()
            if saved is None:  # sent (its copy goes then) or past its retention time
                self.context["draft_gone"] = True
            else:
                kept = saved.data.get("draft", "")
                draft = Draft.loads(kept, structure=self.structure, max_age=None)
                if draft is None:  # never silently start over from a link that was saved
                    self.context["expired"] = True
                else:
                    draft.saved = saved.token
        return draft

    def _came_in_here(self, draft: Draft) -> bool:
        """Whether `draft` was started through this flow's way in (collector and invitation).

        A draft belongs to the way in it was started through: finished elsewhere, its
        response would count for the wrong collector and leave the invitation unused (and
        reminded). Refused rather than started afresh, because a respondent who arrives
        with their answers expects to keep them: a fresh draft would silently drop what
        they typed, while their own link (the invitation's, or the one they began with)
        still finishes it. The caller shows elsewhere_message() and changes nothing.
        """
        own_collector = self.collector.pk if self.collector else None
        own_invitation = self.invitation.pk if self.invitation else None
        return draft.collector == own_collector and draft.invitation == own_invitation

    def _new_draft(self) -> Draft:
        return Draft(
            survey=self.survey.pk,
            key=str(uuid.uuid4()),
            started=timezone.now().timestamp(),
            collector=self.collector.pk if self.collector else None,
            invitation=self.invitation.pk if self.invitation else None,
            test=self.test,
        )

    def _form(self, page: Page, data=None) -> PageForm:
        return PageForm(
            data,
            structure=self.structure,
            page=page,
            answers=self.draft.answers,
            others=self.draft.other,
        )

    # The respondent's action -----------------------------------------------------------

    def _act(self, request, pages: list[Page]) -> Outcome | None:
        """Apply next, back, save or send to a posted page; an Outcome ends the flow."""
        self.reached: dict[int, dict[str, int]] = {}
        try:
            return self._apply(request, pages)
        finally:
            if self.reached:  # one statement for the page counters this step raised
                collecting.page_reach_add(collector=self.collector, counts=self.reached)

    def _apply(self, request, pages: list[Page]) -> Outcome | None:
        action = request.POST.get("action", "next")
        form = self._form(self.page, request.POST)
        if not form.is_valid():
            if action not in ("back", "save"):
                self.form, self.focus = form, "errors"
                return None
            # Going back from an invalid page, or stopping there for later, keeps its valid
            # answers (only the invalid ones are dropped): coming again finds what was typed.
            self.draft.answers = merge_page_answers(self.draft.answers, form, form.answers())
            self.draft.other = merge_page_others(self.draft.other, form)
            if action == "save":
                return self._save_for_later(request)
            self._show(self._previous(self.structure.visible_pages(self.draft.answers)))
            return None
        self.draft.answers = merge_page_answers(self.draft.answers, form, form.answers())
        self.draft.other = merge_page_others(self.draft.other, form)
        if not self.draft.counted and not self.test:
            services.collector_count_start(self.collector)
            self.draft.counted = True
            self._reach("arrived", self.page)  # the first page is reached by starting
        pages = self.structure.visible_pages(self.draft.answers)
        if action == "back":
            self._show(self._previous(pages))
        elif action == "save":
            return self._save_for_later(request)
        elif self._index(pages) + 1 < len(pages):
            self._reach("passed", self.page)
            self._show(pages[self._index(pages) + 1])
            self._reach("arrived", self.page)
        else:
            self._reach("passed", self.page)
            return self._submit()
        return None

    def _reach(self, counter: str, page: Page) -> None:
        """Count this draft once as arriving at (or going on from) `page`, for the monitor's
        drop-off per page; only the page's counter grows, the draft remembers it did."""
        counted = getattr(self.draft, counter)
        if self.test or self.collector is None or page.pk in counted or len(counted) >= 200:
            return
        counts = self.reached.setdefault(page.pk, {"arrived": 0, "passed": 0})
        counts[counter] += 1
        counted.append(page.pk)

    def _index(self, pages: list[Page]) -> int:
        return next((i for i, p in enumerate(pages) if p.pk == self.page.pk), 0)

    def _previous(self, pages: list[Page]) -> Page:
        return pages[max(self._index(pages) - 1, 0)]

    def _show(self, page: Page) -> None:
        """Move to `page` with an empty form and the focus on its heading."""
        self.page = page
        self.draft.page = page.pk
        self.form = self._form(page)
        self.focus = "heading"

    def _save_for_later(self, request) -> Outcome:
        self.draft.page = self.page.pk
        saved = services.draft_save(
            survey=self.survey,
            draft=self.draft,
            collector=self.collector,
            invitation=self.invitation,
        )
        link = request.build_absolute_uri(f"{self.action_url}?jatka={saved.token}")
        context = {**self.context, "link": link, "retention_days": services.draft_retention_days()}
        return Outcome("surveys/saved.html", context)

    def _submit(self) -> Outcome:
        try:
            services.response_submit(
                survey=self.survey,
                answers=self.draft.answers,
                others=self.draft.other,
                structure=self.structure,
                submission_key=self.draft.key,
                collector=self.collector,
                invitation=self.invitation,
                is_test=self.test,
                language=current_language(),
                started_at=self.draft.started_at,
            )
        except ValidationError as error:
            return self._closed(" ".join(error.messages))
        services.draft_discard(survey=self.survey, draft=self.draft)
        return Outcome(redirect_to=self.thanks_url)

    # The page to show ------------------------------------------------------------------

    def _page_outcome(self, request) -> Outcome:
        draft, page, form = self.draft, self.page, self.form
        draft.page = page.pk
        expected = self.structure.expected_pages(draft.answers, page)
        number = next((i for i, p in enumerate(expected, 1) if p.pk == page.pk), 1)
        context = {
            **self.context,
            "page": page,
            "form": form,
            "blocks": SimpleLazyObject(lambda: form.bound_blocks()),
            "draft": draft.dumps(),
            "page_number": number,
            "page_count": len(expected),
            "is_first": number == 1,
            "is_last": number == len(expected),
            "focus": self.focus,
            # A first visit's empty questions are the same for everyone: shared rendering
            # (not with a note about this respondent's own draft).
            "fresh": request.method != "POST"
            and not draft.answers
            and not self.context.get("expired")
            and not self.context.get("draft_gone"),
        }
        return Outcome("surveys/answer.html", context)
