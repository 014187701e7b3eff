"""The EasyForm view of this site: easyform's own, with what a citizen on a phone needs.

- The parsed field model is kept for the request: easyform's form reads its ``schema``
  property, which parses the XML field model again once per field while it processes a
  submission and many times more while rendering (with the 30-odd fields of a filing form that
  was most of a request's time). The form instance lives for one request only.
- Refused input is listed in an error summary above the form, in Chinese, each item linking to
  its field (``error_summary``), instead of Plone's generic banner ("有一些错误." with an icon
  titled "Error"); messages that a create-case action returns reach fields in fieldsets too
  (easyform's own ``setErrorsMessage`` drops those).
- The submit button is the form's primary (blue) button: a grey one looks disabled.
- The page is full width, without portlet columns, as the other public pages.
"""

from collective.easyform.api import get_schema
from collective.easyform.browser.view import EasyFormForm
from collective.easyform.browser.view import EasyFormFormWrapper
from collective.easyform.config import FORM_ERROR_MARKER
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights import _
from suizhou.laborrights.browser.form_errors import all_widgets
from suizhou.laborrights.browser.form_errors import show_errors
from suizhou.laborrights.i18n import zh


class FilingForm(EasyFormForm):
    form_template = ViewPageTemplateFile("templates/filing_form.pt")
    formErrorsMessage = _("error_summary_status", default="提交未成功，请按提示修改。")
    general_errors = ()

    @property
    def schema(self):
        parsed = self.__dict__.get("_parsed_schema")
        if parsed is None:
            parsed = self.__dict__["_parsed_schema"] = super().schema
        return parsed

    def updateActions(self):
        super().updateActions()
        submit = self.actions.get("submit")
        if submit is not None:
            submit.klass = submit.klass.replace("btn-secondary", "btn-primary")

    def setErrorsMessage(self, errors):
        """The action's refusal ({form field: message}) on the fields, wherever they are."""
        errors = dict(errors)
        general = errors.pop(FORM_ERROR_MARKER, None)
        if general:
            self.general_errors = (general,)
        show_errors(self, errors)
        self.status = self.formErrorsMessage

    def render(self):
        # plone.app.z3cform's single checkbox (the declaration) titles its required marker
        # "Required" in English, untranslated (its template names no i18n domain).
        required = zh(_("title_required_marker", default="必填"))
        return super().render().replace('title="Required"', f'title="{required}"')

    def update(self):
        super().update()
        self.error_summary = error_summary(self)
        if self.error_summary["items"] or self.error_summary["general"]:
            self.status = ""  # the summary says it (Plone's banner would say it again)


def _label(widget):
    label = zh(widget.label or "").strip()
    for suffix in ("（选填）", "(选填)"):
        label = label.replace(suffix, "")
    return label if len(label) <= 24 else label[:22] + "…"


def error_summary(form):
    """{'heading', 'items': [{'label', 'message', 'href'}], 'general': [message]} of a refused
    submission, fields in the order of the form."""
    items = []
    for widget in all_widgets(form).values():
        if widget.error is None or widget.mode == "hidden":
            continue
        message = zh(widget.error.message).strip()
        label = _label(widget)
        items.append(
            {
                "label": "" if label and label in message else label,
                "message": message,
                "href": f"#formfield-{widget.id}",
            }
        )
    general = [zh(message) for message in form.general_errors]
    for snippet in form.widgets.errors:
        if getattr(snippet, "widget", None) is None:
            general.append(zh(snippet.message))
    general = list(dict.fromkeys(message for message in general if message))
    count = len(items) + len(general)
    heading = zh(_("error_summary_heading", default="提交未成功，有 ${count} 处需要修改。"), count=count)
    return {"heading": heading, "items": items, "general": general}


class FilingFormView(EasyFormFormWrapper):
    form = FilingForm

    def update(self):
        # Full width like the other public pages: without this, Plone's navigation portlet
        # lists the section's other forms in a column beside (on a phone: below) the form.
        self.request.set("disable_plone.leftcolumn", 1)
        self.request.set("disable_plone.rightcolumn", 1)
        super().update()


def form_schema(form, request):
    """The parsed field model of ``form``: the one its view parsed for this request, if any."""
    instance = getattr(request.get("PUBLISHED"), "form_instance", None)
    if isinstance(instance, FilingForm) and instance.context is form:
        return instance.schema
    return get_schema(form)
