"""Field checks for identity numbers, phones and amounts, with Chinese messages.

Identity-card and credit-code checksums come from python-stdnum (``cn.ric``, ``cn.uscc``).
"""

from decimal import Decimal
from stdnum import numdb
from stdnum.cn import ric
from stdnum.cn import uscc
from stdnum.exceptions import InvalidComponent
from stdnum.exceptions import ValidationError
from suizhou.laborrights import _
from zope.schema import ValidationError as FieldError

import re


MOBILE = re.compile(r"^1[3-9]\d{9}$")
# Landline with area code (0722 is Suizhou), optional hyphen and extension.
LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")
# Service numbers such as 12345 and 12333.
SERVICE_NUMBER = re.compile(r"^1\d{4}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_CLAIM_AMOUNT = Decimal("100000000")  # 1亿元: above this is a typing error, not a claim


class InvalidIdNumber(FieldError):
    __doc__ = _("error_id_number", default="身份证号码不正确，请核对18位号码及末位校验码。")


class InvalidCreditCode(FieldError):
    __doc__ = _("error_credit_code", default="统一社会信用代码不正确，请核对18位代码。")


class InvalidPhone(FieldError):
    __doc__ = _(
        "error_phone",
        default="电话号码不正确：请填写11位手机号码，或带区号的固定电话（如 0722-3331234）。",
    )


class InvalidEmail(FieldError):
    __doc__ = _("error_email", default="电子邮箱格式不正确，如 zhangsan@example.com。")


class InvalidAmount(FieldError):
    __doc__ = _("error_amount", default="金额应在 0 至 1 亿元之间。")


class InvalidWorkerCount(FieldError):
    __doc__ = _("error_workers", default="涉及人数至少为 1 人。")


def normalize_phone(value):
    return re.sub(r"[\s()（）]", "", value or "")


def is_phone(value):
    value = normalize_phone(value)
    return bool(MOBILE.match(value) or LANDLINE.match(value) or SERVICE_NUMBER.match(value))


def is_mobile(value):
    return bool(MOBILE.match(normalize_phone(value)))


def is_id_number(value):
    """Length, format, check digit, birth date and a known region code (python-stdnum).

    stdnum also wants the region code to have existed in the birth year, but a number is
    given at first registration, often years later (Suizhou's 4213xx codes date from 2000):
    such real numbers are accepted when the region code is known for any period.
    """
    try:
        return bool(ric.validate(value or ""))
    except InvalidComponent:
        number = ric.compact(value)
        try:
            ric.get_birth_date(number)
        except ValidationError:
            return False
        return any(props for _part, props in numdb.get("cn/loc").info(number[:6]))
    except ValidationError:
        return False


def check_id_number(value):
    if not is_id_number(value):
        raise InvalidIdNumber(value)
    return True


def check_credit_code(value):
    if not uscc.is_valid(value or ""):
        raise InvalidCreditCode(value)
    return True


def check_phone(value):
    if not is_phone(value):
        raise InvalidPhone(value)
    return True


def check_phones(values):
    for value in values or ():
        check_phone(value)
    return True


def check_email(value):
    if not EMAIL.match(value or ""):
        raise InvalidEmail(value)
    return True


def check_amount(value):
    if value is not None and not (Decimal("0") <= value <= MAX_CLAIM_AMOUNT):
        raise InvalidAmount(value)
    return True


def check_workers(value):
    if value is not None and value < 1:
        raise InvalidWorkerCount(value)
    return True
