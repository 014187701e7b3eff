"""The base of the public pages: work out what the page shows, render it, send it compact.

The templates are indented for people to read; a browser does not need the indentation. On a
list page (28 station cards, each a dozen lines deep in the template) it was a third of the
HTML. ``compact`` keeps one line break wherever the markup had a line break with indentation
around it, and leaves everything else as it is: tags and their attributes, text, and the whole
of ``<pre>``, ``<textarea>``, ``<script>`` and ``<style>`` elements. The page reads and works
the same (a line break between two words or tags is a space to the browser, as the
indentation was); only ASCII spaces and tabs go, never an ideographic space (　).
"""

from Products.Five.browser import BrowserView

import re


_LAYOUT_WHITESPACE = re.compile(
    r"(<(pre|textarea|script|style)\b.*?</\2\s*>|<[^>]*>)"  # kept as they are
    r"|[ \t\r]*\n[ \t\r\n]*",  # a line break with the indentation around it
    re.DOTALL | re.IGNORECASE,
)


def _keep_or_newline(match):
    return match.group(1) or "\n"


def compact(html):
    """``html`` without the indentation and blank lines of its templates."""
    return _LAYOUT_WHITESPACE.sub(_keep_or_newline, html)


class PublicPage(BrowserView):
    """A page of the public site: ``update()`` reads the request, the template renders."""

    def update(self):
        """Read the request (filters, position …) before the page is rendered."""

    def __call__(self):
        self.update()
        return compact(self.index())

    def feedback_widget(self):
        """The “was this page useful” widget, for a template that fills the whole ``main``
        slot (the viewlet managers, which show it elsewhere, are not rendered there)."""
        from suizhou.laborrights.public.feedback import widget_html  # feedback.py imports this module

        return widget_html(self)
