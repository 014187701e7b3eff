"""The base of the handling forms of a case (``HandlingForm``) and the case's version.

Every form carries the version of the case it was shown with (``case_version``): when
somebody else changed the case in the meantime, a handling form is refused with a message
(the edit form merges field by field instead, see ``edit_form``) — never silently overwriting
the other person's change. ``HandlingForm.run`` reads the form, checks the version, does the
action and turns a ``Refused`` into the form's error.
"""

from plone import api
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from suizhou.laborrights import _
from suizhou.laborrights.handling import triage
from suizhou.laborrights.handling.errors import Refused
from z3c.form import field
from z3c.form import form
from z3c.form.interfaces import ActionExecutionError
from z3c.form.interfaces import HIDDEN_MODE
from z3c.form.interfaces import WidgetActionExecutionError
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid

import binascii


def case_version(case):
    """The version of the case as stored (changes with every committed change of it)."""
    serial = getattr(case, "_p_serial", None)
    return binascii.hexlify(serial).decode() if serial else ""


STALE = _(
    "error_case_changed",
    default="该事项在您打开本页后已被他人修改，您的提交未保存。请核对页面上的最新内容后重新提交。",
)


class IVersioned(Interface):
    case_version = schema.ASCIILine(required=False)


class HandlingForm(form.Form):
    """A form on a case; refuses a stale submission; shows ``Refused`` as a form error."""

    ignoreContext = True
    template = ViewPageTemplateFile("templates/case_form.pt")
    success_message = _("status_done", default="已保存。")
    schema = None
    show_triage = False

    def update_fields(self):
        self.fields = field.Fields(self.schema) + field.Fields(IVersioned, mode=HIDDEN_MODE)

    def update(self):
        self.update_fields()
        super().update()

    def updateWidgets(self):
        super().updateWidgets()
        widget = self.widgets["case_version"]
        if not widget.value:
            widget.value = case_version(self.context)

    def check(self, data):
        """Raise ActionExecutionError when the case changed since the form was shown."""
        token = data.pop("case_version", None)
        current = case_version(self.context)
        if token and token != current:
            self.widgets["case_version"].value = current
            raise ActionExecutionError(Invalid(STALE))

    def run(self, action):
        """Read the form, check, then do ``action(data)``; a ``Refused`` becomes the form's
        error."""
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        self.check(data)
        try:
            action(data)
        except Refused as refused:
            field_name = getattr(refused, "field", None)
            if field_name and field_name in self.widgets:
                raise WidgetActionExecutionError(field_name, Invalid(refused.message)) from refused
            raise ActionExecutionError(Invalid(refused.message)) from refused
        IStatusMessage(self.request).add(self.success_message, "info")
        self.request.response.redirect(self.next_url())

    def next_url(self):
        """The case, or the worklists when the user handed it over and may not see it now."""
        if api.user.has_permission("View", obj=self.context):
            return self.context.absolute_url()
        return f"{api.portal.get().absolute_url()}/@@worklist?tab=unrouted"

    def cancel(self):
        self.request.response.redirect(self.context.absolute_url())

    # for the template
    def reference(self):
        return self.context.getId()

    def info(self):
        """(label, value) pairs shown above the form."""
        return []

    def suggestions(self):
        return list(triage.suggestions(self.context).values()) if self.show_triage else []
