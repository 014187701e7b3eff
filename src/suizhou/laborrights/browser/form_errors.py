"""A filing's refusal ({field name: Chinese message}) shown on a z3c.form form: each message
next to its field (in whatever group), the others at the top, and the form's error status."""

from z3c.form.interfaces import IErrorViewSnippet
from zope.component import getMultiAdapter
from zope.interface import Invalid


def all_widgets(form):
    """{name: widget} of the form and of its instantiated groups."""
    found = dict(form.widgets.items())
    for group in getattr(form, "groups", ()):
        if getattr(group, "widgets", None) is not None:  # instantiated groups only
            found.update(group.widgets.items())
    return found


def show_errors(form, problems):
    """Put ``problems`` on the widgets (a field the form's own check refused keeps its message)."""
    widgets = all_widgets(form)
    for name, message in problems.items():
        widget = widgets.get(name)
        if widget is not None and widget.error is not None:
            continue  # the form's own check said it already
        snippet = getMultiAdapter(
            (Invalid(message), form.request, widget, getattr(widget, "field", None), form, form.context),
            IErrorViewSnippet,
        )
        snippet.update()
        if widget is not None:
            widget.error = snippet
        form.widgets.errors += (snippet,)
    form.status = form.formErrorsMessage
