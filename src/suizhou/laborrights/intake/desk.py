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
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.cases.filing import file_case
from suizhou.laborrights.cases.filing import FilingError
from suizhou.laborrights.handling.assignment import station as find_station
from suizhou.laborrights.handling.assignment import units_of
from suizhou.laborrights.handling.history import record
from suizhou.laborrights.intake.interfaces import IOralApplication
from suizhou.laborrights.cases.register import case_for_ticket
from suizhou.laborrights.cases.register import get_register
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.cases.register import TIMEZONE
from suizhou.laborrights.restapi.contract import HOTLINE_CHANNEL
from suizhou.laborrights.restapi.contract import PUBLIC_CHANNELS
from suizhou.laborrights.restapi.contract import TICKET  # the same rule as the 12345 integration
from suizhou.laborrights.vocabularies import registry_terms
from z3c.form import button
from z3c.form import field
from z3c.form import form
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from z3c.form.interfaces import IErrorViewSnippet
from zope import schema
from zope.component import getMultiAdapter
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.interface import Invalid
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import pytz


ADD_CASE = "suizhou.laborrights: Add Case"
ONLINE_CHANNELS = PUBLIC_CHANNELS  # filed by the applicant, never at the desk
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
            if code not in ONLINE_CHANNELS
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


def _zh(message):
    return translate(message, context=api.env.getRequest(), target_language="zh_CN")


def desk_problems(fields):
    """What the desk adds to the filing rules: the channel, the ticket, the clerk's districts.

    Returns {field name: Chinese message}.
    """
    problems = {}
    channel = fields.get("channel")
    ticket = (fields.get("hotline_ticket") or "").strip()
    if channel in ONLINE_CHANNELS:
        problems["channel"] = _zh(
            _(
                "desk_error_online_channel",
                default="网站和小程序的申请由申请人自行提交，受理台请选择窗口、电话、12345热线或转办。",
            )
        )
    if channel == HOTLINE_CHANNEL and not ticket:
        problems["hotline_ticket"] = _zh(
            _("desk_error_ticket_required", default="12345热线转来的事项请填写工单号。")
        )
    elif ticket and channel != HOTLINE_CHANNEL:
        problems["hotline_ticket"] = _zh(
            _("desk_error_ticket_channel", default="只有受理渠道为“12345热线”的事项才填写工单号。")
        )
    elif ticket and not TICKET.match(ticket):
        problems["hotline_ticket"] = _zh(
            _("desk_error_ticket_format", default="工单号只能包含字母、数字、“-”和“_”，不超过64位。")
        )
    elif ticket and case_for_ticket(ticket):
        problems["hotline_ticket"] = _zh(
            _(
                "desk_error_ticket_taken",
                default="12345工单号“${ticket}”已登记为事项${reference}，同一工单不能重复登记。",
                mapping={"ticket": ticket, "reference": case_for_ticket(ticket)},
            )
        )
    received = fields.get("received")
    if received is not None and received > now():
        problems["received"] = _zh(_("desk_error_received_future", default="受理时间不能晚于当前时间。"))
    district = fields.get("district")
    if district and not may_register(district):
        problems["district"] = _zh(
            _("desk_error_district", default="您没有为该区县登记事项的权限，请选择您所在的区县。")
        )
    station = fields.get("station")
    if station and district and getattr(find_station(station), "district", district) != district:
        problems["station"] = _zh(_("desk_error_station_district", default="受理场所不在所选区县，请核对。"))
    return problems


def may_register(district):
    """May the current user register a case in ``district`` (IntakeClerk there or above)?"""
    register = get_register()
    place = register.get(district)
    return bool(api.user.has_permission(ADD_CASE, obj=place if place is not None else register))


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

    def _all_widgets(self):
        found = dict(self.widgets.items())
        for group in getattr(self, "groups", ()):
            if getattr(group, "widgets", None) is not None:  # instantiated groups only
                found.update(group.widgets.items())
        return found

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
        widgets = self._all_widgets()
        defaults = {"district": self._default_district(), "station": self._default_station()}
        for name, value in defaults.items():
            if value and name in widgets:
                widgets[name].value = [value]
                widgets[name].update()

    def show_errors(self, problems):
        """Put {field name: message} on the widgets (or the form) and say so at the top."""
        widgets = self._all_widgets()
        for name, message in problems.items():
            widget = widgets.get(name)
            if widget is not None and widget.error is not None:
                continue  # the form's own check said it already
            snippet = getMultiAdapter(
                (Invalid(message), self.request, widget, getattr(widget, "field", None), self, self.context),
                IErrorViewSnippet,
            )
            snippet.update()
            if widget is not None:
                widget.error = snippet
            self.widgets.errors += (snippet,)
        self.status = self.formErrorsMessage

    def register(self, data, errors=()):
        """File the case from the form data; returns it, or None after showing the errors.

        ``errors``: what the form's own field checks found; the desk's checks are run as
        well, so that the clerk sees every problem at once.
        """
        fields = {name: value for name, value in data.items() if value not in (None, "", [], ())}
        if fields.get("hotline_ticket"):
            fields["hotline_ticket"] = fields["hotline_ticket"].strip()
        if fields.get("received") is not None and fields["received"].tzinfo is None:
            fields["received"] = pytz.timezone(TIMEZONE).localize(fields["received"])
        problems = desk_problems(fields)
        if errors:
            self.show_errors(problems)
            return None
        if not problems:
            try:
                return file_case(fields)
            except FilingError as error:
                problems = error.errors
        self.show_errors(problems)
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
        record(case, "oral_application", _zh(_("oral_history", default="口头申请，由受理员记入笔录")))
        self.receipt(case)
