"""The rules run on the case events: a new case (``IObjectAddedEvent``), an edited one
(``IObjectModifiedEvent``) and every handling event (``handling.events``); the overdue rule on
routing and on a clock running out. The events only note the case; the rules run once the
transaction has committed, in one of their own (``after_commit``). Idempotent: a finding
extends the open warning of its rule and subject, and the store is written only when
something changed."""

from plone import api
from plone.app.uuid.utils import uuidToObject
from suizhou.laborrights.warnings import rules
from suizhou.laborrights.warnings.after_commit import note
from suizhou.laborrights.warnings.notify import tell_red
from suizhou.laborrights.warnings.store import get_store
from suizhou.laborrights.warnings.store import SEVERITY


def record(findings):
    """Store the findings (new or extended warnings) and tell of new red ones."""
    if not findings:
        return []
    store = get_store(create=True)
    warnings = []
    for finding in findings:
        warning, _created = store.record(finding)
        tell_red(warning)
        warnings.append(warning)
    return warnings


def _unchanged(finding):
    """Whether the open warning of the finding already holds all of it (nothing to write)."""
    store = get_store()
    warning = store.open_warning(finding.rule, finding.key) if store is not None else None
    if warning is None or SEVERITY[finding.level] > SEVERITY[warning.level]:
        return False
    return all(warning.cases.get(uid) == (ref, district, n) for uid, ref, district, n in finding.cases)


def check_case(case):
    record([finding for finding in rules.case_findings(case) if not _unchanged(finding)])


def check_unit(case):
    finding = rules.overdue(case)
    if finding is not None and not _unchanged(finding):
        record([finding])


def check_noted(noted):
    """Run the rules on the committed cases ``noted`` ({UID: (path, kinds)}, kinds "case" and
    "unit"), in the order they were noted (``after_commit``). A case is found at its path (the
    catalog's UID index is what every filing has just changed), else by its UID (moved since);
    a case deleted since is passed over."""
    for uid, (path, kinds) in noted.items():
        case = _committed_case(uid, path)
        if case is None:
            continue
        if "case" in kinds:
            check_case(case)
        if "unit" in kinds:
            check_unit(case)


def _committed_case(uid, path):
    case = api.portal.get().unrestrictedTraverse(path, None)
    if case is not None and getattr(case, "UID", lambda: None)() == uid:
        return case
    return uuidToObject(uid, unrestricted=True)


def case_changed(case, event):
    if rules.any_on(rules.CASE_RULES):  # all switched off: no step after the commit at all
        note(case, "case")


def unit_changed(case, event):
    if rules.any_on(("overdue",)):
        note(case, "unit")
