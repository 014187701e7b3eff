"""Job postings: the checks, creation, the station's review roles and the expiry date."""

from DateTime import DateTime
from datetime import timedelta
from decimal import Decimal
from plone import api
from Products.CMFPlone.utils import isExpired
from suizhou.laborrights import _
from suizhou.laborrights.cases.filing import field_error
from suizhou.laborrights.content.job_posting import IJobPosting
from suizhou.laborrights.gig import folders
from suizhou.laborrights.gig.vocabularies import gig_stations
from suizhou.laborrights.gig.vocabularies import PAY_PERIODS
from suizhou.laborrights.handling.assignment import ensure_unit_group
from suizhou.laborrights.handling.minimum_wage import minimum_wage
from suizhou.laborrights.handling.periods import today
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.timezone import SHANGHAI
from zope.schema import getFieldsInOrder

import datetime


# The station's staff review (Reviewer: publish, reject) and correct (Editor) its postings.
REVIEW_ROLES = ("Reviewer", "Editor")


def minimum_pay(district, pay_period, on=None):
    """The least pay per ``pay_period`` the minimum wage in force allows (None: piece work,
    whose rate cannot be compared with a monthly standard)."""
    months = dict((code, per_month) for code, _title, per_month in PAY_PERIODS).get(pay_period)
    if not months:
        return None
    monthly = minimum_wage(district, on or today()).amount
    return (Decimal(monthly) / Decimal(str(months))).quantize(Decimal("0.01"))


def posting_errors(data):
    """Chinese messages by field name for a posting's values (empty when it may be stored)."""
    errors = {}
    for name, field in getFieldsInOrder(IJobPosting):
        if data.get(name) in (None, "", []) and not field.required:
            continue
        errors.update(field_error(name, field.bind(api.portal.get()), data.get(name)))
    for name, message in pay_and_expiry_errors(data).items():
        errors.setdefault(name, message)
    station = data.get("station")
    if station and station not in {s.UID() for s in gig_stations()}:
        errors["station"] = zh(_("error_gig_station", default="请选择一个零工驿站。"))
    return errors


def pay_and_expiry_errors(data):
    """{field: Chinese message} for pay below the minimum wage in force and an expiry day in
    the past (the checks a field alone cannot make)."""
    errors = {}
    floor = minimum_pay(data.get("district"), data.get("pay_period"))
    if data.get("pay") is not None and floor is not None and Decimal(data["pay"]) < floor:
        errors["pay"] = zh(
            _(
                "error_pay_below_minimum",
                default="报酬低于本地区现行最低工资标准折算的 ${floor} ${period}，不能发布。",
            ),
            floor=str(floor),
            period=zh(dict((code, title) for code, title, _m in PAY_PERIODS)[data["pay_period"]]),
        )
    valid_through = data.get("valid_through")
    if valid_through is not None and valid_through < today():
        errors["valid_through"] = zh(_("error_expiry_past", default="截止日期不能早于今天。"))
    return errors


def expiration(valid_through):
    """The end of the expiry day in Beijing, as Plone's expiration date."""
    end = datetime.datetime.combine(valid_through + timedelta(days=1), datetime.time(), SHANGHAI)
    return DateTime(end.isoformat())


def sync(posting):
    """The station's staff review the posting; it expires after its expiry day."""
    if posting.station:
        group = ensure_unit_group(posting.station)
        for principal, _roles in posting.get_local_roles():
            if principal.startswith("unit_staff_") and principal != group:
                posting.manage_delLocalRoles([principal])
        posting.manage_setLocalRoles(group, list(REVIEW_ROLES))
    if posting.valid_through:
        posting.setExpirationDate(expiration(posting.valid_through))
    posting.reindexObjectSecurity()
    posting.reindexObject()


def create_posting(data):
    """A pending posting from checked ``data`` (call ``posting_errors`` first)."""
    fields = {name: data.get(name) for name, _field in getFieldsInOrder(IJobPosting)}
    posting = folders.create_in(folders.postings_folder(), "JobPosting", **fields)
    sync(posting)
    return posting


def modified(posting, event):
    sync(posting)


def is_public(posting):
    return api.content.get_state(posting) == "published" and not isExpired(posting)
