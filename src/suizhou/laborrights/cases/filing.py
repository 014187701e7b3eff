"""Registering a case from any channel: field conversion, validation with Chinese messages.

The web forms, the intake desk and the REST API all file through ``file_case``; what is
refused is refused the same way everywhere, and nothing is stored unless everything is valid.
"""

from collective.z3cform.datagridfield.row import DictRow
from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.cases.register import create_case
from zope.i18n import translate
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import ConstraintNotSatisfied
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IFromUnicode
from zope.schema.interfaces import RequiredMissing
from zope.schema.interfaces import ValidationError

import decimal


class FilingError(Exception):
    """The data cannot be filed; ``errors`` maps field names to Chinese messages."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def _message(msgid, request=None):
    return translate(msgid, context=request or api.env.getRequest(), target_language="zh_CN")


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
        errors[name] = _message(_("error_unknown_field", default="不支持的字段。"))
    return errors


def field_error(name, bound, value):
    """{name: Chinese message} when ``value`` is not valid for the bound field, else {}."""
    title = _message(bound.title)
    try:
        if value is None or value == "" or value == []:
            raise RequiredMissing(name)
        bound.validate(value)
    except RequiredMissing:
        return {name: _message(_("error_required", default="请填写“${field}”。", mapping={"field": title}))}
    except ValidationError as error:
        message = error.doc()
        if isinstance(error, ConstraintNotSatisfied) and IChoice.providedBy(bound):
            message = _(
                "error_not_a_choice",
                default="“${value}”不是可选的项目。",
                mapping={"value": str(value)[:50]},
            )
        return {name: f"{title}：{_message(message)}"}
    return {}


def row_errors(name, bound, rows, context):
    """{``name[index].column``: message} of the bad rows of a table (datagrid) field."""
    title = _message(bound.title)
    if not isinstance(rows, (list, tuple)):
        return {name: f"{title}：{_message(InvalidValue.__doc__)}"}
    columns = dict(getFieldsInOrder(bound.value_type.schema))
    errors = {}
    for index, row in enumerate(rows):
        key = f"{name}[{index}]"
        label = _message(
            _("error_row", default="${field}第 ${number} 项", mapping={"field": title, "number": index + 1})
        )
        if not isinstance(row, dict):
            errors[key] = f"{label}，{_message(InvalidValue.__doc__)}"
            continue
        for column in set(row) - set(columns):
            errors[f"{key}.{column}"] = _message(_("error_unknown_field", default="不支持的字段。"))
        for column, field in columns.items():
            value = row.get(column, field.missing_value)
            if (value is None or value == "") and not field.required:
                continue
            for column_key, message in field_error(f"{key}.{column}", field.bind(context), value).items():
                errors[column_key] = f"{label}，{message}"
    return errors


def file_case(fields, context=None):
    """Validate and register a case; raises FilingError and stores nothing if anything is bad."""
    fields = {name: value for name, value in fields.items() if value not in (None, "", [])}
    errors = validate(fields, context)
    if errors:
        raise FilingError(errors)
    return create_case(**fields)
