"""Field validators for the public forms, selectable in easyform's field editor.

Each is an easyform ``IFieldValidator`` utility (named ``suizhou.laborrights.<check>``, set on a
field with ``easyform:validators``): it returns a Chinese message when the value is refused,
so the message appears next to the field together with the form's other errors. The same
checks run again when the case is filed (``filing.file_case``).
"""

from decimal import Decimal
from decimal import InvalidOperation
from stdnum.cn import ric
from suizhou.laborrights import _
from suizhou.laborrights import validators
from suizhou.laborrights.forms.attachments import check_files
from suizhou.laborrights.i18n import zh


def _empty(value):
    return value is None or value == ""


def phone(value, **kwargs):
    if _empty(value) or validators.is_phone(value):
        return None
    digits = validators.normalize_phone(value)
    if digits.isdigit() and digits.startswith("1") and len(digits) != 11:
        return zh(
            _("error_mobile_length", default="手机号码应为 11 位数字，您填写了 ${count} 位。"),
            count=len(digits),
        )
    return validators.InvalidPhone.__doc__


def email(value, **kwargs):
    if not _empty(value) and not validators.EMAIL.match(value.strip()):
        return validators.InvalidEmail.__doc__


def id_number(value, **kwargs):
    """What is wrong with the number, as precisely as the citizen can act on it."""
    if _empty(value) or validators.is_id_number(value.strip()):
        return None
    number = ric.compact(value)
    if len(number) != 18:
        return zh(
            _("error_id_number_length", default="身份证号码应为 18 位，您填写了 ${count} 位。"),
            count=len(number),
        )
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] in "Xx"):
        return _("error_id_number_characters", default="身份证号码只能是数字，最后一位可以是 X。")
    if ric.calc_check_digit(number[:17]) != number[17].upper():
        return _("error_id_number_check_digit", default="身份证号码校验位不正确，请核对每一位数字。")
    return _("error_id_number_parts", default="身份证号码中的出生日期或地区代码不正确，请核对。")


def credit_code(value, **kwargs):
    if _empty(value):
        return None
    try:
        validators.check_credit_code(value.strip().upper())
    except validators.InvalidCreditCode:
        return validators.InvalidCreditCode.__doc__


def amount(value, **kwargs):
    if _empty(value):
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "").replace("，", ""))
    except InvalidOperation:
        return _("error_amount_format", default="请填写金额数字（元），如 12000 或 12000.50。")
    if not number.is_finite():
        return _("error_amount_format", default="请填写金额数字（元），如 12000 或 12000.50。")
    try:
        validators.check_amount(number)
    except validators.InvalidAmount:
        return validators.InvalidAmount.__doc__


def workers(value, **kwargs):
    if _empty(value):
        return None
    text = str(value).strip()
    if not text.isdigit() or int(text) < 1 or int(text) > 100000:
        return _("error_workers_number", default="请填写涉及的劳动者人数（1 以上的整数）。")


def chosen(value, **kwargs):
    """For a required multiple choice, where an empty selection is a value, not a missing one."""
    if not value:
        return _("error_nothing_chosen", default="请至少选择一项。")


def confirmed(value, **kwargs):
    if value is not True:
        return _("error_not_confirmed", default="请阅读并勾选此项后再提交。")


def attachment(value, **kwargs):
    """One uploaded file, or the files of a multiple file input."""
    return check_files(value)
