"""The intake desk (受理台): clerks register walk-in, phone and 12345 matters.

``@@intake-desk`` on the case register (or a district's part of it) is the registration form
of the web, with the channel, the place and the 12345 ticket number; ``@@oral-application``
is the short form for an application the clerk takes down (口头申请: applicant, dispute,
reasons, time). Both file through ``filing.file_case``, so a case is refused for the same
reasons, with the same Chinese messages, as everywhere else, and nothing is stored unless
everything is valid. After registering, the clerk lands on the printable receipt.
"""

from plone import api
from plone.autoform.form import AutoExtensibleForm
from suizhou.laborrights import _
from suizhou.laborrights.browser.form_errors import all_widgets
from suizhou.laborrights.browser.form_errors import show_errors
from suizhou.laborrights.cases import channels
from suizhou.laborrights.cases.filing import file_case
from suizhou.laborrights.cases.filing import FilingError
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.handling.assignment import station as find_station
from suizhou.laborrights.handling.assignment import units_of
from suizhou.laborrights.handling.history import record
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.intake.interfaces import IOralApplication
from suizhou.laborrights.vocabularies import registry_terms
from z3c.form import button
from z3c.form import field
from z3c.form import form
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import alsoProvides
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


ORAL_CHANNELS = ("window", "phone")
# The registration form: the default fieldset (less the reference), the applicant, the employer.
REGISTRATION_GROUPS = ("applicant", "employer")
ORAL_FIELDS = (
    "channel",
    "district",
    "station",
    "received",
    "applicant_name",
    "applicant_id_number",
    "applicant_phone",
    "employer_name",
    "dispute_types",
    "request",
    "facts",
)


@provider(IVocabularyFactory)
def DeskChannels(context=None):
    """The channels of the registry a clerk registers: all but the online ones."""
    return SimpleVocabulary(
        [
            SimpleTerm(value=code, token=code, title=title)
            for code, title in registry_terms("channels")
            if code not in channels.PUBLIC_CHANNELS
        ]
    )


@provider(IVocabularyFactory)
def OralChannels(context=None):
    return SimpleVocabulary(
        [
            SimpleTerm(value=code, token=code, title=title)
            for code, title in registry_terms("channels")
            if code in ORAL_CHANNELS
        ]
    )


class DeskFormBase(AutoExtensibleForm, form.Form):
    """What both desk forms share: defaults from the clerk's place, errors on the fields."""

    schema = ICase
    ignoreContext = True
    enableCSRFProtection = True
    default_fieldset_label = _("fieldset_intake", default="受理信息")

    def updateActions(self):
        super().updateActions()
        if "register" in self.actions:
            self.actions["register"].addClass("btn-primary")

    def _default_station(self):
        units = units_of()
        return units[0] if len(units) == 1 else None

    def _default_district(self):
        district = getattr(self.context, "getId", lambda: None)()
        if district in dict(registry_terms("districts")):
            return district
        station = find_station(self._default_station())
        return getattr(station, "district", None)

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        if self.request.form.get("form.buttons.register"):
            return
        widgets = all_widgets(self)
        defaults = {"district": self._default_district(), "station": self._default_station()}
        for name, value in defaults.items():
            if value and name in widgets:
                widgets[name].value = [value]
                widgets[name].update()

    def register(self, data, errors=()):
        """File the case from the form data; returns it, or None after showing the errors.

        ``errors``: what the form's own field checks found; the filing rules are checked as
        well, so that the clerk sees every problem at once.
        """
        try:
            return file_case(data, filer=channels.DESK, refuse=bool(errors))
        except FilingError as error:
            show_errors(self, error.errors)
        return None

    def receipt(self, case):
        api.portal.show_message(
            _(
                "desk_registered",
                default="已登记，受理编号：${reference}",
                mapping={"reference": case.getId()},
            ),
            request=self.request,
        )
        self.request.response.redirect(f"{case.absolute_url()}/@@intake-receipt")


class IntakeDeskForm(DeskFormBase):
    """The full registration form (《劳动保障一站式维权事项受理登记表》) at the desk."""

    label = _("desk_title", default="受理台：登记维权事项")
    description = _(
        "desk_description",
        default="登记窗口来访、电话和12345热线转来的事项。受理时间留空即为当前时间；"
        "12345热线事项须填写工单号，一个工单只能登记一次。",
    )

    def updateFields(self):
        super().updateFields()
        self.fields = self.fields.omit("reference")
        self.fields["channel"].field = schema.Choice(
            __name__="channel",
            title=ICase["channel"].title,
            vocabulary="suizhou.laborrights.intake.DeskChannels",
            default="window",
        )
        self.fields["channel"].field.interface = ICase
        self.groups = [group for group in self.groups if group.__name__ in REGISTRATION_GROUPS]

    @button.buttonAndHandler(_("desk_button_register", default="登记并打印回执"), name="register")
    def handle_register(self, action):
        data, errors = self.extractData()
        case = self.register(data, errors)
        if case is not None:
            self.receipt(case)


class OralApplicationForm(DeskFormBase):
    """口头申请: what the applicant says, taken down by the clerk, then read back and signed."""

    label = _("oral_title", default="受理台：口头申请登记")
    description = _(
        "oral_description",
        default="申请人书写确有困难的，由受理员记录申请人、争议、请求和理由，登记后打印《口头申请笔录》"
        "交申请人核对签名。",
    )

    def updateFields(self):
        self.fields = field.Fields(ICase).select(*ORAL_FIELDS)
        self.fields["dispute_types"].widgetFactory = CheckBoxFieldWidget
        self.fields["channel"].field = schema.Choice(
            __name__="channel",
            title=ICase["channel"].title,
            vocabulary="suizhou.laborrights.intake.OralChannels",
            default="window",
        )
        self.fields["channel"].field.interface = ICase
        self.groups = []

    @button.buttonAndHandler(_("oral_button_register", default="登记并打印笔录"), name="register")
    def handle_register(self, action):
        data, errors = self.extractData()
        case = self.register(dict(data, workers_involved=1), errors)
        if case is None:
            return
        alsoProvides(case, IOralApplication)
        record(case, "oral_application", zh(_("oral_history", default="口头申请，由受理员记入笔录")))
        self.receipt(case)
