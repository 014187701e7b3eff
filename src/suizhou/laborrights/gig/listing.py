"""The public postings: published and not yet expired, with the filters of the gig-jobs page
and of ``@gig-postings`` (district, trade, least pay, station)."""

from DateTime import DateTime
from decimal import Decimal
from decimal import InvalidOperation
from plone import api
from suizhou.laborrights.gig.vocabularies import label
from suizhou.laborrights.gig.vocabularies import PAY_PERIODS
from suizhou.laborrights.gig.vocabularies import TRADES
from suizhou.laborrights.timezone import w3c
from suizhou.laborrights.vocabularies import registry_terms


PER_MONTH = {code: per_month for code, _title, per_month in PAY_PERIODS}


def monthly_pay(posting):
    """The pay as a month's pay (None for piece work), to compare postings' pay."""
    per_month = PER_MONTH.get(posting.pay_period)
    if not per_month or posting.pay is None:
        return None
    return Decimal(posting.pay) * Decimal(str(per_month))


def parse_pay(value):
    """A least monthly pay typed in a filter, or None when empty or not a number."""
    try:
        amount = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return amount if amount >= 0 else None


def public_postings(district="", trade="", min_pay=None, station=""):
    """Published postings whose expiry day has not passed, newest first, for anyone."""
    query = {
        "portal_type": "JobPosting",
        "review_state": "published",
        # Also for a manager looking at the public page: expired postings are not offered.
        "expires": {"query": DateTime(), "range": "min"},
        "sort_on": "effective",
        "sort_order": "descending",
    }
    if district:
        query["district"] = district
    postings = [brain.getObject() for brain in api.content.find(**query)]
    if trade:
        postings = [posting for posting in postings if posting.trade == trade]
    if station:
        postings = [posting for posting in postings if posting.station == station]
    if min_pay is not None:
        postings = [p for p in postings if (monthly_pay(p) or Decimal(0)) >= min_pay]
    return postings


def serialize_posting(posting):
    """What anyone may read of a published posting (the same for every reader)."""
    districts = dict(registry_terms("districts"))
    return {
        "@id": posting.absolute_url(),
        "UID": posting.UID(),
        "title": posting.title,
        "trade": {"token": posting.trade, "title": label(TRADES, posting.trade)},
        "pay": str(posting.pay),
        "pay_period": {"token": posting.pay_period, "title": label(PAY_PERIODS, posting.pay_period)},
        "district": {"token": posting.district, "title": districts.get(posting.district, "")},
        "place": posting.place,
        "hours": posting.hours,
        "shifts": list(posting.shifts or ()),
        "number_wanted": posting.number_wanted,
        "requirements": posting.requirements or "",
        "employer_name": posting.employer_name,
        "contact_phone": posting.contact_phone,
        "valid_through": w3c(posting.valid_through),
        "published": w3c(posting.effective()) if posting.effective_date else None,
    }
