from django_prose_editor.fields import ProseEditorField

from .html import sanitize_html

EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Strike": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "HorizontalRule": True,
    "HardBreak": True,
}


class RichTextField(ProseEditorField):
    """Formatted text from the editor, stored sanitised with the nh3 allowlist.

    Sanitised in form cleaning and again on every save, so text written by
    code (imports, the demo command) is held to the same allowlist.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", dict(EDITOR_EXTENSIONS))
        kwargs["sanitize"] = sanitize_html
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value
