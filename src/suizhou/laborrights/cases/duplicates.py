"""Possible duplicate filings: the same applicant phone about the same employer within days.

Nothing is refused. Each filing leaves a fingerprint (a hash of the normalised phone and the
employer's credit code, and one of the phone and the employer's name) in a tree kept on the
case register; a new filing whose fingerprint was left by a case received within the window
(registry ``duplicate_window_days``, default 7) is linked to it for the staff
(``possible_duplicates``), and its receipt says so without naming the earlier case.

The tree's keys are ``<fingerprint>|<reference>``: concurrent filings insert distinct keys,
which the B-tree's conflict resolution merges, and a lookup is one key-range scan.
"""

from Acquisition import aq_base
from DateTime import DateTime
from datetime import timedelta
from persistent.list import PersistentList
from plone import api
from suizhou.laborrights.cases.register import find_case
from suizhou.laborrights.cases.register import get_register
from suizhou.laborrights.content.case_folder import LargeBucketTree
from suizhou.laborrights.settings import setting
from suizhou.laborrights.validators import normalize_phone
from zope.annotation.interfaces import IAnnotations

import hashlib
import re


TREE_ATTRIBUTE = "_filing_fingerprints"
ANNOTATION_KEY = "suizhou.laborrights.possible_duplicates"


def _tree(register):
    tree = getattr(aq_base(register), TREE_ATTRIBUTE, None)
    if tree is None:
        tree = LargeBucketTree()
        setattr(register, TREE_ATTRIBUTE, tree)
    return tree


def prepare(register):
    """Create the fingerprint tree (at install, so filings never write the register itself)."""
    _tree(register)


def _normalise_name(name):
    name = (name or "").strip().replace("（", "(").replace("）", ")")
    return re.sub(r"\s+", "", name).lower()


def fingerprints(phone, employer_name=None, employer_credit_code=None):
    phone = normalize_phone(phone)
    if not phone:
        return []
    keys = []
    if employer_credit_code:
        keys.append(f"code:{phone}|{employer_credit_code.strip().upper()}")
    if _normalise_name(employer_name):
        keys.append(f"name:{phone}|{_normalise_name(employer_name)}")
    return [hashlib.sha256(key.encode("utf-8")).hexdigest() for key in keys]


def _prints_of(case):
    return fingerprints(case.applicant_phone, case.employer_name, case.employer_credit_code)


def earlier_filings(case):
    """References of cases received within the window before ``case`` with its fingerprint."""
    window = setting("filing", "duplicate_window_days")
    if not window or case.received is None:
        return []
    since = (case.received - timedelta(days=window)).timestamp()
    until = case.received.timestamp()
    tree = _tree(get_register())
    found = []
    for fingerprint in _prints_of(case):
        for key, received in tree.items(min=f"{fingerprint}|", max=f"{fingerprint}|\uffff"):
            reference = key.split("|", 1)[1]
            if reference != case.getId() and since <= received <= until and reference not in found:
                found.append(reference)
    return sorted(found)


def record(case):
    """Leave ``case``'s fingerprints and link it to its possible duplicates; returns those."""
    duplicates = earlier_filings(case)
    tree = _tree(get_register())
    for fingerprint in _prints_of(case):
        tree[f"{fingerprint}|{case.getId()}"] = case.received.timestamp()
    if duplicates:
        IAnnotations(case)[ANNOTATION_KEY] = PersistentList(duplicates)
    return duplicates


def possible_duplicates(case):
    """The earlier cases ``case`` may repeat (for staff), as case objects that still exist."""
    references = IAnnotations(case).get(ANNOTATION_KEY, ())
    cases = [find_case(reference) for reference in references]
    return [found for found in cases if found is not None]


def case_added(case, event):
    """Every new case, from any channel, leaves its fingerprints and is linked to duplicates."""
    if case.received is None or not case.applicant_phone:
        return
    try:
        get_register()
    except (KeyError, AttributeError):  # a case outside a site with a register
        return
    record(case)


def remember_recent_cases():
    """Leave the fingerprints of the cases received within the window (after an upgrade)."""
    window = setting("filing", "duplicate_window_days")
    if not window:
        return 0
    catalog = api.portal.get_tool("portal_catalog")
    since = DateTime() - window
    tree = _tree(get_register())
    count = 0
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Case", received={"query": since, "range": "min"}
    ):
        case = brain._unrestrictedGetObject()
        if case.received is None:
            continue
        for fingerprint in _prints_of(case):
            tree[f"{fingerprint}|{case.getId()}"] = case.received.timestamp()
        count += 1
    return count
