"""Registering a case from any channel: ``file_case``, the one entry point.

The web forms, the intake desk, the REST API, Open311, the add form and the demo all file
through ``file_case``: the fields are normalised, the channel rules (``channels``) and the
schema validation run once, and only then does the register (``register.create_case``, which
nothing outside this package calls) take a number. What is refused is refused the same way
everywhere, with the same Chinese messages, and nothing is stored unless everything is valid.
"""

from collective.z3cform.datagridfield.row import DictRow
from datetime import datetime
from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.cases import channels
from suizhou.laborrights.cases.register import create_case
from suizhou.laborrights.cases.register import TIMEZONE
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.i18n import zh
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import ConstraintNotSatisfied
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IFromUnicode
from zope.schema.interfaces import RequiredMissing
from zope.schema.interfaces import ValidationError

import decimal
import pytz


class FilingError(Exception):
    """The data cannot be filed; ``errors`` maps field names to Chinese messages."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def case_fields():
    """The fields a filing may set (not the reference, which the register gives)."""
    return [(name, field) for name, field in getFieldsInOrder(ICase) if not field.readonly]


def convert(field, raw):
    """A form or JSON value as the schema wants it; raises ValidationError when it can't be."""
    if raw is None or raw == "":
        return field.missing_value
    if isinstance(raw, str) and IFromUnicode.providedBy(field):
        try:
            return field.fromUnicode(raw.strip())
        except (ValueError, decimal.InvalidOperation) as error:
            raise InvalidValue() from error
    return raw


class InvalidValue(ValidationError):
    __doc__ = _("error_invalid_value", default="格式不正确。")


def validate(fields, context=None):
    """Check ``fields`` against the case schema; returns {field name: Chinese message}.

    A table field (the claims) is checked row by row: ``claims[0].amount`` names the bad value.
    """
    context = context or api.portal.get()
    errors = {}
    for name, field in case_fields():
        value = fields.get(name, field.missing_value)
        if (value is None or value == "" or value == []) and not field.required:
            continue
        bound = field.bind(context)
        if isinstance(getattr(bound, "value_type", None), DictRow):
            errors.update(row_errors(name, bound, value, context))
        else:
            errors.update(field_error(name, bound, value))
    unknown = set(fields) - {name for name, _field in case_fields()}
    for name in unknown:
        errors[name] = zh(_("error_unknown_field", default="不支持的字段。"))
    return errors


def field_error(name, bound, value):
    """{name: Chinese message} when ``value`` is not valid for the bound field, else {}."""
    title = zh(bound.title)
    try:
        if value is None or value == "" or value == []:
            raise RequiredMissing(name)
        bound.validate(value)
    except RequiredMissing:
        return {name: zh(_("error_required", default="请填写“${field}”。", mapping={"field": title}))}
    except ValidationError as error:
        message = error.doc()
        if isinstance(error, ConstraintNotSatisfied) and IChoice.providedBy(bound):
            message = _(
                "error_not_a_choice",
                default="“${value}”不是可选的项目。",
                mapping={"value": str(value)[:50]},
            )
        return {name: f"{title}：{zh(message)}"}
    return {}


def row_errors(name, bound, rows, context):
    """{``name[index].column``: message} of the bad rows of a table (datagrid) field."""
    title = zh(bound.title)
    if not isinstance(rows, (list, tuple)):
        return {name: f"{title}：{zh(InvalidValue.__doc__)}"}
    columns = dict(getFieldsInOrder(bound.value_type.schema))
    errors = {}
    for index, row in enumerate(rows):
        key = f"{name}[{index}]"
        label = zh(
            _("error_row", default="${field}第 ${number} 项", mapping={"field": title, "number": index + 1})
        )
        if not isinstance(row, dict):
            errors[key] = f"{label}，{zh(InvalidValue.__doc__)}"
            continue
        for column in set(row) - set(columns):
            errors[f"{key}.{column}"] = zh(_("error_unknown_field", default="不支持的字段。"))
        for column, field in columns.items():
            value = row.get(column, field.missing_value)
            if (value is None or value == "") and not field.required:
                continue
            for column_key, message in field_error(f"{key}.{column}", field.bind(context), value).items():
                errors[column_key] = f"{label}，{message}"
    return errors


def normalised(fields, received=None):
    """``fields`` without empty values; the ticket number trimmed, the time received in Beijing
    time (a naive one is taken as such)."""
    fields = {name: value for name, value in fields.items() if value not in (None, "", [], ())}
    if received is not None:
        fields["received"] = received
    ticket = fields.pop("hotline_ticket", None)
    if isinstance(ticket, str) and ticket.strip():
        fields["hotline_ticket"] = ticket.strip()
    elif ticket is not None and not isinstance(ticket, str):
        fields["hotline_ticket"] = ticket  # the schema says what is wrong with it
    if isinstance(fields.get("received"), datetime) and fields["received"].tzinfo is None:
        fields["received"] = pytz.timezone(TIMEZONE).localize(fields["received"])
    return fields


def with_defaults(fields):
    """A required field left out gets its schema default (workers involved: 1; the channel of a
    staff filing: window). Run after the channel rules, which set the channel they know."""
    for name, field in case_fields():
        if field.required and field.default is not None and name not in fields:
            fields[name] = field.default
    return fields


def file_case(fields, context=None, *, filer=channels.STAFF, refuse=False, received=None):
    """Register a case: the one way in for every channel. Returns the case.

    Runs the channel and ticket rules of ``filer`` (``channels.PUBLIC``, ``STAFF`` or ``DESK``),
    then the schema validation, once. ``received``: when the matter was received (an aware
    datetime; default now). ``refuse``: the caller has refused part of the data already (e.g.
    a JSON value of the wrong type): everything is still checked, so that the filer sees every
    problem at once, and FilingError is raised even if nothing else is wrong.

    Raises FilingError ({field name: Chinese message}) and stores nothing if anything is bad.
    """
    fields = normalised(fields, received)
    errors = channels.problems(fields, filer)
    with_defaults(fields)
    for name, message in validate(fields, context).items():
        errors.setdefault(name, message)
    if errors or refuse:
        raise FilingError(errors)
    return create_case(**fields)
