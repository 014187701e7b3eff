"""The EasyForm action "登记为维权事项": a submission becomes a case in the register.

Written like easyform's own actions (field class + ``ActionFactory`` + ``BaseHandler``,
registered as named utilities in ``configure.zcml``). Its settings are kept on the action in
the form's actions model:

- ``mapping``: lines ``form field|case field``; several form fields may feed one text field
  of the case (each then appears under its label, e.g. the evidence list below the facts);
- ``defaults``: lines ``case field|value`` for what the form does not ask (the dispute type
  of a single-matter form);
- the form fields of the applicant's e-mail and of the honeypot;
- ``matters`` (dispute types whose guides and checklists the form links to), ``next_steps``
  and ``time_limit`` (shown on the receipt; ``${mediation_days}`` and the other statutory
  settings are filled in from the registry).

The case is filed through ``filing.file_case`` as the public files (channel ``web``), in the
request's own transaction: if the filing is refused, the form is shown again with the Chinese
messages next to the fields and what was entered; if anything fails, the request's transaction
is aborted and nothing is stored.
"""

from collective.easyform.actions import Action
from collective.easyform.actions import ActionFactory
from collective.easyform.api import get_context
from collective.easyform.config import FORM_ERROR_MARKER
from collective.easyform.interfaces import IAction
from plone import api
from plone.namedfile.interfaces import INamedField
from plone.supermodel.exportimport import BaseHandler
from suizhou.laborrights import _
from suizhou.laborrights.cases import channels
from suizhou.laborrights.cases.filing import case_fields
from suizhou.laborrights.cases.filing import convert
from suizhou.laborrights.cases.filing import file_case
from suizhou.laborrights.cases.filing import FilingError
from suizhou.laborrights.documents.receipt import remember_filing
from suizhou.laborrights.documents.receipt import send_receipt
from suizhou.laborrights.forms import receipt
from suizhou.laborrights.forms import view
from suizhou.laborrights.forms.attachments import add_attachments
from suizhou.laborrights.forms.attachments import check_uploads
from suizhou.laborrights.forms.attachments import is_upload
from suizhou.laborrights.forms.files import IAttachments
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.vocabularies import registry_terms
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDecimal
from zope.schema.interfaces import IList
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine
from zope.schema.interfaces import ValidationError


CHANNEL = "web"


def parse_lines(lines):
    """['a|b', …] -> [('a', 'b'), …], skipping blank lines."""
    pairs = []
    for line in lines or ():
        left, _sep, right = line.partition("|")
        if left.strip():
            pairs.append((left.strip(), right.strip()))
    return pairs


def _check_mapping(lines):
    known = {name for name, _field in case_fields()}
    for _form_field, case_field in parse_lines(lines):
        if case_field not in known:
            raise Invalid(
                _(
                    "error_unknown_case_field",
                    default="“${field}”不是维权事项的字段。",
                    mapping={"field": case_field},
                )
            )
    return True


class ICreateCase(IAction):
    """登记为维权事项：把提交的内容登记为一件维权事项（受理渠道：网站）。"""

    mapping = schema.List(
        title=_("label_action_mapping", default="字段对应"),
        description=_(
            "help_action_mapping",
            default="每行“表单字段|维权事项字段”，如 applicant_phone|applicant_phone。"
            "多个表单字段可对应同一文本字段（按表单顺序、各带栏目名合并）。",
        ),
        value_type=schema.TextLine(),
        required=True,
        constraint=_check_mapping,
    )
    defaults = schema.List(
        title=_("label_action_defaults", default="固定取值"),
        description=_(
            "help_action_defaults",
            default="每行“维权事项字段|值”，用于表单不询问的字段，如 dispute_types|employer_consultation。",
        ),
        value_type=schema.TextLine(),
        required=False,
        default=[],
        missing_value=[],
    )
    email_field = schema.TextLine(
        title=_("label_action_email_field", default="申请人电子邮箱所在的表单字段"),
        description=_("help_action_email_field", default="填写了邮箱的，回执同时发送到该邮箱。"),
        required=False,
        default="applicant_email",
    )
    honeypot_field = schema.TextLine(
        title=_("label_action_honeypot_field", default="防垃圾隐藏栏（须为空）所在的表单字段"),
        required=False,
        default="website",
    )
    matters = schema.List(
        title=_("label_action_matters", default="本表适用事项"),
        description=_(
            "help_action_matters",
            default="争议类型代码，每行一个；表单页据此链接对应的办事指南和一次性告知清单。",
        ),
        value_type=schema.TextLine(),
        required=False,
        default=[],
        missing_value=[],
    )
    next_steps = schema.Text(
        title=_("label_action_next_steps", default="回执：后续办理"),
        description=_(
            "help_action_next_steps",
            default="可引用法定时限设置，如 ${mediation_days}、${arbitration_acceptance_days}。",
        ),
        required=False,
        default="",
        missing_value="",
    )
    time_limit = schema.Text(
        title=_("label_action_time_limit", default="回执：法定时限"),
        required=False,
        default="",
        missing_value="",
    )


@implementer(ICreateCase)
class CreateCase(Action):
    __doc__ = ICreateCase.__doc__

    def __init__(self, **kw):
        for name, field in ICreateCase.namesAndDescriptions():
            setattr(self, name, kw.pop(name, field.default))
        super().__init__(**kw)

    # -- from the submission to case fields -------------------------------------------------

    def case_data(self, fields, form_schema):
        """({case field: value}, {form field: message}) from the submitted ``fields``."""
        known = dict(case_fields())
        sources = {}  # case field -> [(form field, raw value)] in form order
        order = {name: index for index, (name, _field) in enumerate(getFieldsInOrder(form_schema))}
        for form_field, case_field in sorted(
            parse_lines(self.mapping), key=lambda pair: order.get(pair[0], len(order))
        ):
            raw = fields.get(form_field)
            if raw is None or raw == "" or raw == [] or raw == set():
                continue
            sources.setdefault(case_field, []).append((form_field, raw))

        data, errors = {}, {}
        for case_field, values in sources.items():
            field = known[case_field]
            try:
                data[case_field] = self._value(field, values, form_schema)
            except ValidationError as error:
                errors[values[0][0]] = f"{zh(field.title)}：{zh(error.doc())}"
        for case_field, raw in parse_lines(self.defaults):
            if case_field in known and case_field not in data and raw:
                try:
                    data[case_field] = self._value(known[case_field], [(None, raw)], form_schema)
                except ValidationError:
                    pass  # a bad default is reported by the case validation below
        data["channel"] = CHANNEL
        return data, errors

    def _value(self, field, values, form_schema):
        if IList.providedBy(field):
            chosen = set()
            for _form_field, raw in values:
                if isinstance(raw, str):
                    raw = [item.strip() for item in raw.split(",")]
                chosen.update(item for item in raw if item)
            vocabulary = getattr(field.value_type, "vocabularyName", "") or ""
            if vocabulary.startswith("suizhou.laborrights.vocabularies."):
                codes = [code for code, _title in registry_terms(_registry_name(vocabulary))]
                return sorted(chosen, key=lambda code: codes.index(code) if code in codes else len(codes))
            return sorted(chosen)
        context = get_context(self)
        if IText.providedBy(field) and not ITextLine.providedBy(field) and len(values) > 1:
            parts = []
            for form_field, raw in values:
                form_field = form_schema.get(form_field)
                text = _text(raw, form_field, context)
                parts.append(f"【{zh(form_field.title)}】\n{text}" if form_field is not None else text)
            return "\n\n".join(parts)
        if ITextLine.providedBy(field) and len(values) > 1:
            return "；".join(_text(raw, form_schema.get(form_field), context) for form_field, raw in values)
        form_field, raw = values[0]
        if IBool.providedBy(field) and isinstance(raw, str):
            return raw.strip().lower() in ("1", "true", "on", "yes", "是")
        if not IChoice.providedBy(field) and (
            isinstance(raw, (list, tuple, set, frozenset)) or IChoice.providedBy(form_schema.get(form_field))
        ):
            raw = _text(raw, form_schema.get(form_field), context)
        if isinstance(raw, str):
            raw = raw.strip()
            if IDecimal.providedBy(field):
                raw = raw.replace(",", "").replace("，", "")
            if ITextLine.providedBy(field) and raw:
                raw = " ".join(raw.split())  # a text line keeps no line breaks
        return convert(field, raw)

    def _derive_place(self, data, errors, form_fields):
        """The district from the chosen township's station; both must agree if both are given."""
        station = data.get("station")
        if not station:
            return
        brains = api.content.find(UID=station, portal_type="ServiceStation", unrestricted=True)
        if not brains:
            return  # the case validation refuses an unknown station
        district = brains[0].district
        if not data.get("district"):
            data["district"] = district
        elif data["district"] != district:
            errors[form_fields.get("station", FORM_ERROR_MARKER)] = zh(
                _(
                    "error_station_district",
                    default="所选乡镇（街道）不在所选区县，请重新选择其中一项。",
                )
            )

    # -- errors back to the form -------------------------------------------------------------

    def form_errors(self, case_errors, form_schema):
        """Case field errors as {form field: message}; unmapped ones as a form message."""
        form_fields = {}
        for form_field, case_field in parse_lines(self.mapping):
            if form_field in form_schema:
                form_fields.setdefault(case_field, form_field)
        if "district" not in form_fields and "station" in form_fields:
            form_fields["district"] = form_fields["station"]
        errors, general = {}, []
        for case_field, message in case_errors.items():
            target = form_fields.get(case_field)
            if target:
                errors.setdefault(target, message)
            else:
                general.append(message)
        if general:
            errors[FORM_ERROR_MARKER] = "；".join(general)
        return errors

    # -- the action --------------------------------------------------------------------------

    def onSuccess(self, fields, request):
        form = get_context(self)
        form_schema = view.form_schema(form, request)
        if self.honeypot_field and fields.get(self.honeypot_field):
            return {
                FORM_ERROR_MARKER: zh(
                    _(
                        "error_honeypot",
                        default="提交未被受理：表单中供识别自动程序的隐藏栏被填写了。"
                        "如您是本人填写，请清空“请勿填写此栏”一项后重新提交。",
                    )
                )
            }
        uploads = form_uploads(fields, form_schema)
        errors = check_uploads([(name, value) for name, _label, value in uploads])
        data, conversion_errors = self.case_data(fields, form_schema)
        errors.update(conversion_errors)
        form_fields = {case: form_field for form_field, case in reversed(parse_lines(self.mapping))}
        self._derive_place(data, errors, form_fields)
        try:
            # With problems found already, the case checks still run: every problem at once.
            case = file_case(data, filer=channels.PUBLIC, refuse=bool(errors))
        except FilingError as error:
            for name, message in self.form_errors(error.errors, form_schema).items():
                errors.setdefault(name, message)
            return errors
        add_attachments(case, [(label, value) for _name, label, value in uploads])
        email = (fields.get(self.email_field) or "").strip() if self.email_field else ""
        remember_filing(case, form_title=form.Title(), action=self)
        request.set(receipt.RECEIPT_URL_KEY, receipt.receipt_url(case))
        if email:
            send_receipt(case, email)
        return None


def form_uploads(fields, form_schema):
    """[(form field, label, file)] of the submission in form order: a single file field's
    upload under the field's title, each of a multiple file input's under its title and number
    ("证据材料1", "证据材料2" …, as the five single inputs of earlier forms were named)."""
    uploads = []
    for name, field in getFieldsInOrder(form_schema):
        title = zh(field.title)
        if INamedField.providedBy(field):
            uploads.append((name, title, fields.get(name)))
        elif IAttachments.providedBy(field):
            files = [value for value in fields.get(name) or () if is_upload(value)]
            uploads += [(name, f"{title}{number}", value) for number, value in enumerate(files, 1)]
    return uploads


def _text(raw, field=None, context=None):
    """A submitted value as text: a choice by its title, several joined with "、"."""
    choice = field.value_type if ICollection.providedBy(field) else field
    titles = {}
    if IChoice.providedBy(choice):
        vocabulary = choice.bind(context).vocabulary
        titles = {term.value: zh(term.title or term.token) for term in vocabulary}
    if isinstance(raw, (list, tuple, set, frozenset)):
        return "、".join(titles.get(item, str(item)) for item in raw)
    if raw is True or raw is False:
        return "是" if raw else "否"
    return titles.get(raw, str(raw).strip())


def _registry_name(vocabulary_name):
    """'suizhou.laborrights.vocabularies.DisputeTypes' -> 'dispute_types'."""
    name = vocabulary_name.rsplit(".", 1)[1]
    return "".join(f"_{char.lower()}" if char.isupper() else char for char in name).lstrip("_")


CreateCaseAction = ActionFactory(
    CreateCase,
    _("label_create_case_action", default="登记为维权事项"),
    "suizhou.laborrights.ManageSettings",
)
CreateCaseHandler = BaseHandler(CreateCase)
