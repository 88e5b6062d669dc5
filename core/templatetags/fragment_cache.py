"""`{% cachedfragment %}`: part of a page rendered once per content generation.

    {% load fragment_cache %}
    {% cachedfragment "project-page" project.pk page_obj.number data=sections %}
      … everything here is the same for every anonymous visitor …
    {% endcachedfragment %}

The name, the values after it, the language and the page's template make the key. `data=` names
a callable in the context (the view's deferred queries) whose dict is added to
the context only when the fragment is rendered, so a cached fragment costs no
query. `if=` makes the sharing conditional: when it is false the fragment is
rendered for this request only (a survey page is shared only on a first visit).
The fragment must not depend on the visitor: it is shared by all of them
(core.content_cache.cached_fragment says what is never stored).
"""

from django import template

from core.content_cache import cached_fragment

register = template.Library()


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on, data, condition):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on
        self.data, self.condition = data, condition

    def render(self, context):
        def render_fragment() -> str:
            extra = self.data.resolve(context) if self.data is not None else None
            with context.push(**(extra or {})):
                return self.nodelist.render(context)

        if self.condition is not None and not self.condition.resolve(context):
            return render_fragment()
        # The page's own template is part of the key: a fragment may hold {% block %}s
        # that a page overrides (the header's search form, say).
        page_template = getattr(getattr(context.template, "origin", None), "template_name", "")
        vary = (page_template, *(str(expression.resolve(context)) for expression in self.vary_on))
        request = context.get("request")
        return cached_fragment(request, self.name, vary, render_fragment)


@register.tag("cachedfragment")
def do_cachedfragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("cachedfragment needs a name")
    name = bits[1].strip("\"'")
    data = condition = None
    vary_on = []
    for bit in bits[2:]:
        if bit.startswith("data="):
            data = parser.compile_filter(bit.removeprefix("data="))
        elif bit.startswith("if="):
            condition = parser.compile_filter(bit.removeprefix("if="))
        else:
            vary_on.append(parser.compile_filter(bit))
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    return CachedFragmentNode(nodelist, name, vary_on, data, condition)
