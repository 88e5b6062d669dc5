"""The generated answers of the demo's 2025 network survey, as an export of a survey tool.

What surveys/demo/surveys.toml cannot say: 101 answers drawn from the `weights` of each
statement (the seed gives the shape of the results, not the single answers) with a fixed
random seed, so a reload gives the same numbers. valita/demo.py imports the workbook
through the response import (surveys/importing.py), as a coordinator imports an earlier
survey run with another tool.
"""

import random
from datetime import timedelta

from core.exports import Sheet, to_xlsx
from projects.models import Project

DONT_KNOW = "En osaa sanoa"


def _weighted(rng: random.Random, weights: list[int]) -> int:
    return rng.choices(range(1, len(weights) + 1), weights=weights)[0]


def _questions(item: dict) -> dict[str, dict]:
    return {q["key"]: q for page in item["page"] for q in page.get("question", [])}


def response_rows(survey, item: dict) -> tuple[list[str], list[list]]:
    """Headers (question and statement texts, language, time) and one row per response."""
    spec = item["responses"]
    questions = _questions(item)
    rng = random.Random(spec["seed"])
    counts = spec["per_project"]
    projects = list(Project.objects.network().order_by("name"))[: len(counts)]
    project_of = [p for p, n in zip(projects, counts, strict=False) for _ in range(n)]
    roles = [choice["text_fi"] for choice in questions["role"]["choices"]]
    role_of = [r for r, n in zip(roles, spec["per_role"], strict=True) for _ in range(n)]
    rng.shuffle(role_of)
    effects, goals = questions["effects"]["statements"], questions["goals"]["statements"]
    open_keys = [key for key, q in questions.items() if q.get("answers")]
    headers = [
        "language",
        "completed_at",
        questions["project"]["text_fi"],
        questions["role"]["text_fi"],
        *(s["text_fi"] for s in effects),
        *(questions[key]["text_fi"] for key in open_keys),
        *(s["text_fi"] for s in goals),
    ]
    rows = []
    for index, project in enumerate(project_of):
        completed = survey.opens_at + timedelta(minutes=rng.randint(60, 21 * 24 * 60))
        rng.getrandbits(128), rng.randint(4, 25)  # kept: the same draws as the first demo
        rows.append(["sv" if index % 9 == 0 else "fi", completed.isoformat(), project.name_fi])
    reached = set(rng.sample(range(len(rows)), spec["reach_statements"]))
    dont_know = [set(rng.sample(sorted(reached), number % 2)) for number in range(len(effects))]
    for index, (row, role) in enumerate(zip(rows, role_of, strict=True)):
        row.append(role)
        for number, statement in enumerate(effects):
            if index not in reached:
                row.append("")
            elif index in dont_know[number]:
                row.append(DONT_KNOW)
            else:
                row.append(_weighted(rng, statement["weights"]))
        for key in open_keys:
            share = spec["open_answer_share"]
            row.append(rng.choice(questions[key]["answers"]) if rng.random() < share else "")
        for statement in goals:
            row.append(_weighted(rng, statement["weights"]) if role == roles[0] else "")
    return headers, rows


def responses_xlsx(survey, item: dict) -> bytes:
    headers, rows = response_rows(survey, item)
    return to_xlsx(Sheet(title="Vastaukset", header=headers, rows=rows))
