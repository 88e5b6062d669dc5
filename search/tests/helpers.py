"""Reading the search page's results as a visitor sees them."""

import re
from dataclasses import dataclass

RESULT = re.compile(r'<li class="search-result">(.*?)</li>', re.S)
TITLE = re.compile(r'<h3(?: lang="(\w+)")?><a href="([^"]+)">([^<]+)</a></h3>')
EXCERPT = re.compile(r'</h3>\s*<p(?: lang="(\w+)")?>')
NOTE = re.compile(r'<span class="search-language">([^<]+)</span>')


@dataclass
class Result:
    title: str
    url: str
    title_lang: str | None  # the lang attribute on the title, if any
    excerpt_lang: str | None  # and on the excerpt
    note: str | None  # the visible note of the text's language


def result_titles(response) -> list[str]:
    return [result.title for result in results(response)]


def results(response) -> list[Result]:
    found = []
    for block in RESULT.findall(response.content.decode()):
        title_lang, url, title = TITLE.search(block).groups()
        excerpt = EXCERPT.search(block)
        note = NOTE.search(block)
        found.append(
            Result(
                title=title,
                url=url,
                title_lang=title_lang,
                excerpt_lang=excerpt.group(1) if excerpt else None,
                note=note.group(1) if note else None,
            )
        )
    return found
