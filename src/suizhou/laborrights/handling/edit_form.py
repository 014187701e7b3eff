"""The case's edit form: every change recorded in the history, concurrent edits merged."""

from Acquisition import aq_base
from plone.dexterity.browser.edit import DefaultEditForm
from plone.dexterity.interfaces import IDexterityEditForm
from plone.z3cform import layout
from Products.statusmessages.interfaces import IStatusMessage
from suizhou.laborrights import _
from suizhou.laborrights.handling.handling_form import case_version
from suizhou.laborrights.handling.handling_form import IVersioned
from suizhou.laborrights.handling.history import record
from suizhou.laborrights.handling.subscribers import mark_recorded
from z3c.form import field
from z3c.form.interfaces import HIDDEN_MODE
from z3c.form.interfaces import IDataConverter
from z3c.form.interfaces import IErrorViewSnippet
from zope import schema
from zope.component import getMultiAdapter
from zope.i18n import translate
from zope.interface import classImplements
from zope.interface import Interface
from zope.interface import Invalid

import hashlib
import json


class IEditReason(Interface):
    change_reason = schema.TextLine(
        title=_("label_change_reason", default="修改原因"),
        description=_("help_change_reason", default="记入办理记录。"),
        required=False,
    )


class IFingerprint(Interface):
    case_fingerprint = schema.ASCIILine(required=False)


EDIT_META = ("change_reason", "case_version", "case_fingerprint")


def _token(value):
    return hashlib.sha1(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:12]


class CaseEditForm(DefaultEditForm):
    """The default edit form, plus:

    - every changed field is recorded in the history, old and new value, with the reason;
    - when somebody else saved the case after this form was shown, the changes are merged
      field by field: the fields this person changed are saved, the others keep the other
      person's values; when both changed the same field, nothing is saved and the form
      says which fields, showing them again for a deliberate decision.
    """

    def updateFields(self):
        super().updateFields()
        self.fields += (
            field.Fields(IEditReason)
            + field.Fields(IVersioned, mode=HIDDEN_MODE)
            + field.Fields(IFingerprint, mode=HIDDEN_MODE)
        )
        for name in EDIT_META:
            self.fields[name].ignoreContext = True

    def update(self):
        self.untouched = None
        super().update()
        self._stamp()

    def _stamp(self, refresh=False):
        """Put the case's version and the fingerprint of its values into the form."""
        version, fingerprint = self.widgets["case_version"], self.widgets["case_fingerprint"]
        if refresh or not version.value:
            version.value = case_version(self.context)
        if refresh or not fingerprint.value:
            fingerprint.value = json.dumps(self.fingerprint())

    def all_widgets(self):
        for widget in self.widgets.values():
            yield widget
        for group in self.groups:
            yield from group.widgets.values()

    def fingerprint(self):
        """{widget name: token of the value the case has now, as the widget shows it}."""
        found = {}
        for widget in self.all_widgets():
            if widget.field.__name__ in EDIT_META:
                continue
            value = getattr(aq_base(self.context), widget.field.__name__, None)
            try:
                shown = IDataConverter(widget).toWidgetValue(value)
            except Exception:  # a value the widget cannot show: compare its text
                shown = str(value)
            found[widget.name] = _token(shown)
        return found

    def extractData(self, setErrors=True):
        data, errors = super().extractData(setErrors=setErrors)
        token = data.get("case_version")
        if not token or token == case_version(self.context) or errors:
            return data, errors
        try:
            original = json.loads(data.get("case_fingerprint") or "{}")
        except ValueError:
            original = {}
        now = self.fingerprint()
        conflicts, untouched = [], []
        for widget in self.all_widgets():
            if widget.name not in original:
                continue
            submitted = _token(widget.value)
            if submitted == original[widget.name]:
                untouched.append(widget.field.__name__)
            elif now.get(widget.name) not in (original[widget.name], submitted):
                conflicts.append(translate(widget.label, context=self.request))
        if not original or conflicts:
            message = _(
                "error_case_changed_fields",
                default="该事项在您编辑期间已被他人修改（${fields}），您的提交未保存。"
                "请核对页面上的内容，确认后再次保存。",
                mapping={"fields": "、".join(conflicts) or "—"},
            )
            snippet = getMultiAdapter(
                (Invalid(message), self.request, None, None, self, self.getContent()),
                IErrorViewSnippet,
            )
            snippet.update()
            errors = errors + (snippet,)
            if setErrors:
                self.widgets.errors = self.widgets.errors + (snippet,)
            self._stamp(refresh=True)
        else:
            self.untouched = untouched
        return data, errors

    def applyChanges(self, data):
        for name in EDIT_META[1:]:
            data.pop(name, None)
        reason = (data.pop("change_reason", None) or "").strip()
        if self.untouched is not None:
            # Merged with a change saved meanwhile: only what this person changed.
            for name in self.untouched:
                data.pop(name, None)
            IStatusMessage(self.request).add(
                _("status_merged", default="他人在您编辑期间对其他内容所做的修改已一并保留。"), "info"
            )
        case = self.context
        before = {name: getattr(case, name, None) for name in data}
        mark_recorded(self.request, case)
        changes = super().applyChanges(data)
        changed = tuple(
            (name, before[name], getattr(case, name, None))
            for name in data
            if before[name] != getattr(case, name, None)
        )
        if changed:
            record(case, "edit", reason, changes=changed)
        return changes


CaseEditView = layout.wrap_form(CaseEditForm)
classImplements(CaseEditView, IDexterityEditForm)
