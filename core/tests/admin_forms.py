"""The data an admin change page would post back, read from its HTML as a browser would.

Tests post a page back "without changing anything" (or with one added inline row)
without restating every field of the form by hand.
"""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data: list[tuple[str, str]] = []
        self._select: str | None = None
        self._multiple = False
        self._option: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
            return
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select, self._multiple = name, "multiple" in attrs
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.data.append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)


def change_form_data(html: str, form_id: str) -> dict[str, list[str]]:
    """Field name → values, as the form in `html` with this id would submit them."""
    reader = _FormReader(form_id)
    reader.feed(html)
    data: dict[str, list[str]] = {}
    for name, value in reader.data:
        data.setdefault(name, []).append(value)
    return data


def add_inline_row(data: dict, prefix: str, row: dict) -> dict:
    """The same data with one new row in the inline formset `prefix`."""
    index = int(data[f"{prefix}-TOTAL_FORMS"][0])
    data = {**data, f"{prefix}-TOTAL_FORMS": [str(index + 1)]}
    for name, value in row.items():
        data[f"{prefix}-{index}-{name}"] = value if isinstance(value, list) else [str(value)]
    return data
