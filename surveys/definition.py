"""A survey's definition as JSON: export, validation and import (surveys move between
installations, and templates are definitions kept in `surveys/templates_data/`).

    {"format": "valita-survey", "version": 1,
     "survey": {"title": {"fi": …, "sv": …}, "intro": {…}, "thank_you": {…},
                "anonymous": true, "is_listed": true},
     "pages": [{"key": "p1", "title": {…}, "intro": {…}, "conditions": [CONDITION],
                "questions": [{"key": "q1", "kind": "likert", "text": {…}, "help_text": {…},
                               "required": false, "scale_size": 5,
                               "scale_min_label": {…}, "scale_max_label": {…},
                               "allow_dont_know": true,
                               "statements": [{"key": "s1", "text": {…}}],
                               "choices": [{"key": "c1", "text": {…}}],
                               "conditions": [CONDITION]}]}]}

    CONDITION: {"source": "q1", "operator": "choice_in", "choices": ["c2"]}
            or {"source": "q3", "operator": "at_least", "statement": "s4", "value": 4}

Keys name the parts inside the file only; ids of the installation never appear. `validate`
reads the whole file and lists every error with its place ("sivu 2, kysymys 1: …");
`survey_import` writes nothing unless the file is valid, and writes all of it in one
transaction.
"""

import json
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .answering import Structure
from .models import Choice, Collector, Condition, Page, Question, Statement, Survey

FORMAT = "valita-survey"
VERSION = 1
LANGUAGES = ("fi", "sv")
TEMPLATES_DIR = Path(__file__).parent / "templates_data"
LIMITS = {
    "title": 200,
    "intro": 20000,
    "thank_you": 20000,
    "text": 500,
    "help_text": 500,
    "scale_min_label": 100,
    "scale_max_label": 100,
    "part": 500,
    "page_title": 200,
}


def _texts(obj, field: str) -> dict:
    return {language: getattr(obj, f"{field}_{language}") or "" for language in LANGUAGES}


# Export ------------------------------------------------------------------------------------


def survey_export(survey: Survey) -> dict:
    """The definition of `survey` (a fixed number of queries: surveys.answering.Structure)."""
    structure = Structure(survey)
    keys: dict[tuple[str, int], str] = {}

    def key(kind: str, pk: int) -> str:
        return keys.setdefault((kind, pk), f"{kind}{sum(k[0] == kind for k in keys) + 1}")

    for page in structure.pages:
        key("p", page.pk)
        for question in page.questions.all():
            key("q", question.pk)
            for statement in question.statements.all():
                key("s", statement.pk)
            for choice in question.choices.all():
                key("c", choice.pk)

    def condition(c: Condition) -> dict:
        data = {"source": keys[("q", c.source_id)], "operator": c.operator}
        if c.operator == Condition.Operator.CHOICE_IN:
            data["choices"] = [keys[("c", choice.pk)] for choice in c.choices.all()]
        else:
            data["statement"] = keys[("s", c.statement_id)]
            data["value"] = c.value
        return data

    pages = []
    for page in structure.pages:
        questions = [_question_item(q, keys, condition) for q in page.questions.all()]
        pages.append(
            {
                "key": keys[("p", page.pk)],
                "title": _texts(page, "title"),
                "intro": _texts(page, "intro"),
                "conditions": [condition(c) for c in page.conditions.all()],
                "questions": questions,
            }
        )
    return {
        "format": FORMAT,
        "version": VERSION,
        "survey": {
            "title": _texts(survey, "title"),
            "intro": _texts(survey, "intro"),
            "thank_you": _texts(survey, "thank_you"),
            "anonymous": survey.anonymous,
            "is_listed": survey.is_listed,
        },
        "pages": pages,
    }


def _question_item(q: Question, keys: dict, condition) -> dict:
    """One question of the definition, with what its kind has."""
    item = {
        "key": keys[("q", q.pk)],
        "kind": q.kind,
        "text": _texts(q, "text"),
        "help_text": _texts(q, "help_text"),
        "required": q.required,
    }
    if q.is_likert:
        item.update(
            scale_size=q.scale_size,
            scale_min_label=_texts(q, "scale_min_label"),
            scale_max_label=_texts(q, "scale_max_label"),
            allow_dont_know=q.allow_dont_know,
            statements=[
                {"key": keys[("s", s.pk)], "text": _texts(s, "text")} for s in q.statements.all()
            ],
        )
    if q.kind == Question.Kind.MULTIPLE:
        item.update(min_choices=q.min_choices, max_choices=q.max_choices)
    if q.kind == Question.Kind.NUMBER:
        item.update(number_min=_number_text(q.number_min), number_max=_number_text(q.number_max))
    if q.has_choices:
        item["choices"] = [
            {"key": keys[("c", c.pk)], "text": _texts(c, "text"), "is_other": c.is_other}
            for c in q.choices.all()
        ]
    item["conditions"] = [condition(c) for c in q.conditions.all()]
    return item


def _number_text(number) -> str | None:
    return None if number is None else format(number.normalize(), "f")


def survey_export_json(survey: Survey) -> str:
    return json.dumps(survey_export(survey), ensure_ascii=False, indent=1)


# Validation --------------------------------------------------------------------------------


class DefinitionError(ValidationError):
    """An invalid definition; `problems` lists (place, message) pairs, in file order."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__(
            [f"{place}: {message}" if place else message for place, message in problems]
        )


class _Checker:
    def __init__(self):
        self.problems: list[tuple[str, str]] = []

    def add(self, place: str, message: str) -> None:
        self.problems.append((place, message))

    def texts(self, data, field: str, place: str, limit: int, *, required: bool = False) -> dict:
        value = data.get(field, {}) if isinstance(data, dict) else {}
        if value in (None, ""):
            value = {}
        if not isinstance(value, dict) or any(
            not isinstance(value.get(lang, ""), str) for lang in LANGUAGES
        ):
            self.add(
                place,
                _('Kentän %(field)s pitää olla muotoa {"fi": "…", "sv": "…"}.') % {"field": field},
            )
            return dict.fromkeys(LANGUAGES, "")
        result = {lang: value.get(lang, "").strip() for lang in LANGUAGES}
        if required and not result["fi"]:
            self.add(
                place, _("Kentästä %(field)s puuttuu suomenkielinen teksti.") % {"field": field}
            )
        for lang in LANGUAGES:
            if len(result[lang]) > limit:
                self.add(
                    place,
                    _(
                        "Kentän %(field)s teksti (%(lang)s) on liian pitkä "
                        "(enintään %(limit)s merkkiä)."
                    )
                    % {"field": field, "lang": lang, "limit": limit},
                )
        return result


def _page_place(number: int) -> str:
    return _("sivu %(number)s") % {"number": number}


def _question_place(page: int, number: int) -> str:
    return _("sivu %(page)s, kysymys %(number)s") % {"page": page, "number": number}


def validate(data) -> dict:
    """The definition, checked whole; raises DefinitionError listing every problem.

    Long because it checks the file in the order a person reads it (the survey, then each
    page with its questions and conditions), so that every problem is named by its place;
    the parts are the _Checker's methods.
    """
    check = _Checker()
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DefinitionError([("", _("Tiedosto ei ole tämän palvelun kyselyn määrittely."))])
    if data.get("version") != VERSION:
        raise DefinitionError(
            [
                (
                    "",
                    _("Määrittelyn versiota %(version)s ei tunneta.")
                    % {"version": data.get("version")},
                )
            ]
        )
    survey = data.get("survey")
    if not isinstance(survey, dict):
        raise DefinitionError([("survey", _("Kyselyn tiedot puuttuvat."))])
    clean = {
        "survey": {
            "title": check.texts(survey, "title", "survey", LIMITS["title"], required=True),
            "intro": check.texts(survey, "intro", "survey", LIMITS["intro"]),
            "thank_you": check.texts(survey, "thank_you", "survey", LIMITS["thank_you"]),
            "anonymous": bool(survey.get("anonymous", True)),
            "is_listed": bool(survey.get("is_listed", True)),
        },
        "pages": [],
    }
    pages = data.get("pages")
    if not isinstance(pages, list) or not pages:
        check.add("pages", _("Kyselyssä pitää olla vähintään yksi sivu."))
        raise DefinitionError(check.problems)
    seen: dict[str, dict] = {}  # every key of the file: {"kind": "q"/"c"/"s"/"p", …}
    for page_number, page in enumerate(pages, 1):
        place = _page_place(page_number)
        if not isinstance(page, dict):
            check.add(place, _("Sivun pitää olla olio."))
            continue
        clean_page = {
            "key": _key(check, seen, page, place, "p", page_number),
            "title": check.texts(page, "title", place, LIMITS["page_title"]),
            "intro": check.texts(page, "intro", place, LIMITS["intro"]),
            "questions": [],
            "conditions": [],
        }
        questions = page.get("questions", [])
        if not isinstance(questions, list):
            check.add(place, _("Kysymysten pitää olla lista."))
            questions = []
        # Conditions may use only questions on earlier pages: check them before this page's
        # questions are known.
        clean_page["conditions"] = _conditions(check, seen, page, place, page_number)
        page_questions = []
        for number, question in enumerate(questions, 1):
            q_place = _question_place(page_number, number)
            clean_question = _question(check, seen, question, q_place, page_number)
            if clean_question is not None:
                clean_question["conditions"] = _conditions(
                    check, seen, question, q_place, page_number
                )
                page_questions.append(clean_question)
        for clean_question in page_questions:
            if clean_question["key"] in seen:
                seen[clean_question["key"]]["page"] = page_number
        clean_page["questions"] = page_questions
        clean["pages"].append(clean_page)
    if check.problems:
        raise DefinitionError(check.problems)
    return clean


def _key(check, seen, item, place, kind, page_number) -> str:
    key = item.get("key") if isinstance(item, dict) else None
    if not isinstance(key, str) or not key or len(key) > 50:
        check.add(place, _("Osalta puuttuu tunniste (key)."))
        return f"?{len(seen)}"
    if key in seen:
        check.add(place, _("Tunniste %(key)s on käytössä kahdesti.") % {"key": key})
        return f"?{len(seen)}"
    seen[key] = {"kind": kind, "page": page_number if kind != "q" else None}
    return key


def _question(check, seen, question, place, page_number):
    if not isinstance(question, dict):
        check.add(place, _("Kysymyksen pitää olla olio."))
        return None
    kind = question.get("kind")
    if kind not in Question.Kind.values:
        check.add(place, _("Tuntematon kysymyksen laji: %(kind)s.") % {"kind": kind})
        return None
    key = _key(check, seen, question, place, "q", page_number)
    if key in seen:
        seen[key].update(kind="q", question_kind=kind)
    clean = {
        "key": key,
        "kind": kind,
        "text": check.texts(question, "text", place, LIMITS["text"], required=True),
        "help_text": check.texts(question, "help_text", place, LIMITS["help_text"]),
        "required": bool(question.get("required", False)),
        "statements": [],
        "choices": [],
    }
    if kind == Question.Kind.LIKERT:
        size = question.get("scale_size", 5)
        if not isinstance(size, int) or isinstance(size, bool) or not 2 <= size <= 10:
            check.add(place, _("Asteikossa on 2–10 kohtaa."))
            size = 5
        clean.update(
            scale_size=size,
            scale_min_label=check.texts(
                question, "scale_min_label", place, LIMITS["scale_min_label"]
            ),
            scale_max_label=check.texts(
                question, "scale_max_label", place, LIMITS["scale_max_label"]
            ),
            allow_dont_know=bool(question.get("allow_dont_know", True)),
        )
        clean["statements"] = _parts(check, seen, question, "statements", "s", key, place)
        if not clean["statements"]:
            check.add(place, _("Väittämäryhmässä pitää olla vähintään yksi väittämä."))
        for statement in clean["statements"]:
            if statement["key"] in seen:
                seen[statement["key"]]["scale_size"] = size
    elif kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
        clean["choices"] = _parts(check, seen, question, "choices", "c", key, place)
        if not clean["choices"]:
            check.add(place, _("Vaihtoehtokysymyksessä pitää olla vähintään yksi vaihtoehto."))
        if kind == Question.Kind.MULTIPLE:
            clean.update(_limits(check, question, place, ("min_choices", "max_choices"), int))
    elif kind == Question.Kind.NUMBER:
        clean.update(_limits(check, question, place, ("number_min", "number_max"), Decimal))
    return clean


def _limits(check, question, place, fields, kind) -> dict:
    """Two optional bounds, the lower one not above the upper one."""
    values = {}
    for field in fields:
        value = question.get(field)
        if value is None:
            values[field] = None
            continue
        try:
            if kind is int:
                if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                    raise ValueError
                values[field] = value
            else:
                number = Decimal(str(value))
                if not number.is_finite() or abs(number) >= 10**10:
                    raise ValueError
                values[field] = number.quantize(Decimal("0.0001"))
        except (ValueError, ArithmeticError):
            check.add(place, _("Kentän %(field)s arvo ei kelpaa.") % {"field": field})
            values[field] = None
    low, high = (values[field] for field in fields)
    if low is not None and high is not None and low > high:
        check.add(
            place,
            _("Kentän %(low)s arvo on suurempi kuin %(high)s.")
            % {"low": fields[0], "high": fields[1]},
        )
    return values


def _parts(check, seen, question, field, kind, question_key, place) -> list[dict]:
    items = question.get(field, [])
    if not isinstance(items, list):
        check.add(place, _("Kentän %(field)s pitää olla lista.") % {"field": field})
        return []
    parts = []
    for number, item in enumerate(items, 1):
        part_place = f"{place}, {field} {number}"
        if not isinstance(item, dict):
            check.add(part_place, _("Rivin pitää olla olio."))
            continue
        key = _key(check, seen, item, part_place, kind, None)
        if key in seen:
            seen[key]["question"] = question_key
        part = {
            "key": key,
            "text": check.texts(item, "text", part_place, LIMITS["part"], required=True),
        }
        if kind == "c":
            part["is_other"] = bool(item.get("is_other", False))
        parts.append(part)
    return parts


def _conditions(check, seen, item, place, page_number) -> list[dict]:
    conditions = item.get("conditions", [])
    if not isinstance(conditions, list):
        check.add(place, _("Ehtojen pitää olla lista."))
        return []
    clean = []
    for number, condition in enumerate(conditions, 1):
        c_place = _("%(place)s, ehto %(number)s") % {"place": place, "number": number}
        if not isinstance(condition, dict):
            check.add(c_place, _("Ehdon pitää olla olio."))
            continue
        source = seen.get(condition.get("source"))
        if source is None or source["kind"] != "q" or source.get("page") is None:
            check.add(
                c_place,
                _("Ehdon kysymystä %(key)s ei ole aiemmalla sivulla.")
                % {"key": condition.get("source")},
            )
            continue
        if source["page"] >= page_number:
            check.add(c_place, _("Ehdon kysymyksen pitää olla aiemmalla sivulla."))
            continue
        operator = condition.get("operator")
        if operator == Condition.Operator.CHOICE_IN:
            choices = condition.get("choices")
            if (
                not isinstance(choices, list)
                or not choices
                or any(
                    not isinstance(c, str)
                    or seen.get(c, {}).get("question") != condition["source"]
                    or seen[c]["kind"] != "c"
                    for c in choices
                )
            ):
                check.add(c_place, _("Ehdon vaihtoehdot eivät ole sen kysymyksen vaihtoehtoja."))
                continue
            clean.append({"source": condition["source"], "operator": operator, "choices": choices})
        elif operator in (Condition.Operator.AT_LEAST, Condition.Operator.AT_MOST):
            statement = seen.get(condition.get("statement"))
            value = condition.get("value")
            if statement is None or statement.get("question") != condition["source"]:
                check.add(c_place, _("Ehdon väittämä ei kuulu sen kysymykseen."))
                continue
            if not isinstance(value, int) or not 1 <= value <= statement["scale_size"]:
                check.add(c_place, _("Ehdon arvon pitää olla asteikolla."))
                continue
            clean.append(
                {
                    "source": condition["source"],
                    "operator": operator,
                    "statement": condition["statement"],
                    "value": value,
                }
            )
        else:
            check.add(c_place, _("Tuntematon ehto: %(operator)s.") % {"operator": operator})
    return clean


def parse(content: bytes) -> dict:
    """The definition in an uploaded file, validated; DefinitionError otherwise."""
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise DefinitionError(
            [("", _("Tiedosto ei ole kelvollista JSONia: %(error)s") % {"error": error})]
        ) from error
    return validate(data)


# Import ------------------------------------------------------------------------------------


def _set_texts(obj, field: str, texts: dict) -> None:
    for language in LANGUAGES:
        setattr(obj, f"{field}_{language}", texts.get(language, ""))


@transaction.atomic
def survey_import(definition: dict, *, series: str, title: dict | None = None) -> Survey:
    """A new draft survey (round 1 of `series`) from a validated definition, with its public
    link. `title` replaces the file's title (a new survey from a template)."""
    data = definition["survey"]
    survey = Survey(series=series, round=1, status=Survey.Status.DRAFT)
    _set_texts(survey, "title", title or data["title"])
    _set_texts(survey, "intro", data["intro"])
    _set_texts(survey, "thank_you", data["thank_you"])
    survey.anonymous = data["anonymous"]
    survey.is_listed = data["is_listed"]
    survey.full_clean(exclude=["slug", "slug_fi", "slug_sv"])
    survey.save()
    Collector.objects.create(survey=survey, kind=Collector.Kind.PUBLIC)
    objects: dict[str, object] = {}
    targets = []
    for page_number, page_data in enumerate(definition["pages"], 1):
        page = Page(survey=survey, order=page_number)
        _set_texts(page, "title", page_data["title"])
        _set_texts(page, "intro", page_data["intro"])
        page.save()
        objects[page_data["key"]] = page
        targets += [(page, None, c) for c in page_data["conditions"]]
        for number, q_data in enumerate(page_data["questions"], 1):
            question = Question(survey=survey, page=page, order=number, kind=q_data["kind"])
            question.required = q_data["required"]
            for field in ("text", "help_text", "scale_min_label", "scale_max_label"):
                if field in q_data:
                    _set_texts(question, field, q_data[field])
            if q_data["kind"] == Question.Kind.LIKERT:
                question.scale_size = q_data["scale_size"]
                question.allow_dont_know = q_data["allow_dont_know"]
            for field in ("min_choices", "max_choices", "number_min", "number_max"):
                if field in q_data:
                    setattr(question, field, q_data[field])
            question.save()
            objects[q_data["key"]] = question
            targets += [(None, question, c) for c in q_data["conditions"]]
            for model, field in ((Statement, "statements"), (Choice, "choices")):
                for order, part_data in enumerate(q_data[field], 1):
                    part = model(question=question, order=order)
                    _set_texts(part, "text", part_data["text"])
                    if "is_other" in part_data:
                        part.is_other = part_data["is_other"]
                    part.save()
                    objects[part_data["key"]] = part
    for page, question, c in targets:
        condition = Condition.objects.create(
            page=page,
            question=question,
            source=objects[c["source"]],
            operator=c["operator"],
            statement=objects.get(c.get("statement")),
            value=c.get("value"),
        )
        condition.choices.set([objects[key] for key in c.get("choices", [])])
    return survey


# Templates ---------------------------------------------------------------------------------


def templates() -> list[tuple[str, str]]:
    """The built-in templates: (file name, title in the current language)."""
    from django.utils.translation import get_language

    language = "sv" if (get_language() or "fi").startswith("sv") else "fi"
    found = []
    for path in sorted(TEMPLATES_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        title = data["survey"]["title"]
        found.append((path.stem, title.get(language) or title["fi"]))
    return found


def template_definition(name: str) -> dict:
    names = {stem for stem, _title in templates()}
    if name not in names:
        raise DefinitionError([("", _("Pohjaa ei löydy."))])
    return validate(json.loads((TEMPLATES_DIR / f"{name}.json").read_text(encoding="utf-8")))
