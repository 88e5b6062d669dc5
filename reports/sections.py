"""Published survey results on the home, theme and project pages.

The first published chart and quote, with a link to the results page. The figures are the
whole network's (one project's answers are too few to publish on their own), so each page
shows the same highlight; it costs the queries of the results page (one with nothing
published), whatever the page.
"""

from . import published


def results_section(_page=None) -> dict:
    items = published.published_items()
    return {
        "results_chart": next((item for item in items if item.group), None),
        "results_quote": next((item for item in items if item.quote_text), None),
    }
