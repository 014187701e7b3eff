"""The five warning rules. Each takes a case and gives a ``Finding`` (or None) from the case
itself, catalog queries on indexed fields (``employer_keys``, ``district_type_day``,
``assigned_unit``, ``due_date``) and the catalog's metadata: never a walk over all cases.

Thresholds and levels are the registry records of ``controlpanels/warnings.py``.
"""

from datetime import timedelta
from plone import api
from suizhou.laborrights.handling import periods
from suizhou.laborrights.handling.assignment import station
from suizhou.laborrights.settings import setting
from suizhou.laborrights.vocabularies import title_of
from suizhou.laborrights.warnings import risk_list
from suizhou.laborrights.warnings.employers import case_employer_key
from suizhou.laborrights.warnings.employers import query_keys
from suizhou.laborrights.warnings.store import Finding
from suizhou.laborrights.warnings.store import get_store
from suizhou.laborrights.warnings.store import SEVERITY
from suizhou.laborrights.warnings.surge_days import day_keys


CASE_RULES = ("collective", "employer", "amount", "risk_list", "surge")
ALL_RULES = (*CASE_RULES, "overdue")  # each switched on and off by its ``<rule>_enabled`` record


def _on(rule):
    return bool(setting("warnings", f"{rule}_enabled"))


def any_on(rules):
    """Whether the administrator has switched on at least one of ``rules``."""
    return any(_on(rule) for rule in rules)


def _search(**query):
    """Cases only, without a ``portal_type`` filter: each rule's query has an index only cases
    are in (``employer_keys``, ``district_type_day``, ``due_date``: their indexers are for
    cases, nothing else has the attribute), and the filter would intersect it with every case."""
    return api.portal.get_tool("portal_catalog").unrestrictedSearchResults(**query)


def evidence(case):
    return (case.UID(), case.getId(), case.district, case.workers_involved or 0)


def _evidence_of(brains, case=None):
    """The evidence of the cases found, from the catalog's metadata (``worklist_row`` holds the
    workers): no case is woken, however many a unit or a cluster has; ``case`` is read afresh."""
    case_uid = case.UID() if case is not None else None
    return [evidence(case) if brain.UID == case_uid else _catalogued_evidence(brain) for brain in brains]


def _catalogued_evidence(brain):
    workers = brain.worklist_row.get("workers")
    if workers is None:  # catalogued before upgrade 1036: the site runs on until it is upgraded
        return evidence(brain._unrestrictedGetObject())
    return (brain.UID, brain.getId, brain.district, workers)


def collective(case):
    """One case with many workers (集体劳动争议)."""
    if not _on("collective") or (case.workers_involved or 0) < setting("warnings", "collective_workers"):
        return None
    return Finding(
        "collective",
        case_employer_key(case) or f"case:{case.UID()}",
        setting("warnings", "collective_level"),
        case.employer_name or case.getId(),
        [evidence(case)],
    )


def _cluster_key(case, brains):
    """The employer of a cluster: the credit code of the case, else the first credit code
    among the cases under its name, else its normalised name."""
    if case.employer_credit_code:
        return case_employer_key(case)
    # A case's ``code:`` key is in the index itself: no case is woken to read its credit code.
    index = api.portal.get_tool("portal_catalog")._catalog.getIndex("employer_keys")
    for brain in brains:
        for key in index.getEntryForObject(brain.getRID(), default=()):
            if key.startswith("code:"):
                return key
    return case_employer_key(case)


def employer(case):
    """N or more cases against one employer within M days; the workers of all of them count,
    and a cluster with as many workers as a collective dispute gets that rule's level."""
    if not _on("employer") or case.received is None:
        return None
    keys = query_keys(case.employer_credit_code, case.employer_name)
    if not keys:
        return None
    # The employer's cases are few: the M days up to this case are picked from the metadata,
    # not by a range on the received index (one key per minute).
    since = case.received - timedelta(days=setting("warnings", "employer_days"))
    brains = [brain for brain in _search(employer_keys=keys) if since <= brain.received <= case.received]
    if len(brains) < setting("warnings", "employer_cases"):
        return None
    key = _cluster_key(case, brains)
    found = _evidence_of(brains, case)
    level = setting("warnings", "employer_level")
    workers = sum(n for _uid, _reference, _district, n in found)
    if _on("collective") and workers >= setting("warnings", "collective_workers"):
        level = max(level, setting("warnings", "collective_level"), key=SEVERITY.get)
    return Finding("employer", key, level, case.employer_name, found)


def amount(case):
    """Wage arrears claimed above the threshold."""
    if not _on("amount") or "wage_arrears" not in (case.dispute_types or ()):
        return None
    if case.claim_amount is None or case.claim_amount <= setting("warnings", "amount_threshold"):
        return None
    return Finding(
        "amount",
        case_employer_key(case) or f"case:{case.UID()}",
        setting("warnings", "amount_level"),
        case.employer_name or case.getId(),
        [evidence(case)],
    )


def on_risk_list(case):
    """A case against an employer on the risk list (``risk_list.listed``)."""
    key = case_employer_key(case)
    if not _on("risk_list") or key is None or not risk_list.listed(key, case.employer_name):
        return None
    return Finding("risk_list", key, setting("warnings", "risk_list_level"), case.employer_name, [evidence(case)])


def surge(case):
    """A dispute type rising in a district: the cases of the last D days against the average
    of the P periods of D days before, for each dispute type of the case.

    Both periods are whole days in Beijing up to the case's day, counted from the catalog's
    ``district_type_day`` keys (surge_days.py): no case is woken for the count, and an old case
    costs as little as a new one. The evidence of a new warning is every recent case; an open
    warning is extended by each case that finds the rise still on."""
    if not _on("surge") or case.received is None:
        return []
    days, periods_before = setting("warnings", "surge_days"), setting("warnings", "surge_periods")
    percent, minimum = setting("warnings", "surge_percent"), setting("warnings", "surge_minimum")
    day = periods.to_date(case.received)
    before = day - timedelta(days=days)
    store = get_store()
    findings = []
    for dispute_type in case.dispute_types or ():
        recent = _search(district_type_day=day_keys(case.district, dispute_type, day, days))
        if len(recent) < minimum:
            continue
        earlier = len(_search(district_type_day=day_keys(case.district, dispute_type, before, days * periods_before)))
        # recent ≥ percent % of the average (earlier / periods), in integers
        if len(recent) * 100 * periods_before < percent * earlier:
            continue
        key = f"{case.district}:{dispute_type}"
        if store is not None and store.open_warning("surge", key) is not None:
            found = [evidence(case)]
        else:
            found = _evidence_of(recent, case)
        findings.append(
            Finding(
                "surge",
                key,
                setting("warnings", "surge_level"),
                f"{title_of('districts', case.district)} · {title_of('dispute_types', dispute_type)}",
                found,
            )
        )
    return findings


def overdue(case):
    """Overdue cases piling up in the case's unit (running clocks past their due date)."""
    unit = case.assigned_unit
    if not _on("overdue") or not unit:
        return None
    yesterday = periods.today() - timedelta(days=1)  # a clock due today is not overdue yet
    brains = _search(assigned_unit=unit, due_date={"query": yesterday, "range": "max"})
    if len(brains) < setting("warnings", "overdue_cases"):
        return None
    found = station(unit)
    return Finding(
        "overdue",
        f"unit:{unit}",
        setting("warnings", "overdue_level"),
        found.Title() if found is not None else unit,
        _evidence_of(brains, case),
    )


def case_findings(case):
    """What the rules about the case itself find (on filing and on every change)."""
    found = [collective(case), employer(case), amount(case), on_risk_list(case), *surge(case)]
    return [finding for finding in found if finding is not None]
