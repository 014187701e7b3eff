"""Catalog indexers for cases: what the worklists query, and the indexes a case is kept out of.

A case's body and personal data never reach the full-text indexes, and a case is kept out of
every index that no worklist or statistic queries: each of those is one more shared structure
(a word-count bucket, a per-minute date key) on which concurrent filings would conflict, and
a few more objects every filing writes. Metadata columns nobody shows for a case (image scales,
object size) are skipped the same way. The registrations in configure.zcml name the indexes a case is kept out of.
"""

from plone.indexer import indexer
from suizhou.laborrights.cases import search_keys
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.content.case_attachment import ICaseAttachment
from suizhou.laborrights.content.mediation_session import IMediationSession
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.public.utils import name_pinyin


@indexer(ICase)
def case_not_indexed(obj):
    raise AttributeError("cases are not in this index")


@indexer(ICaseAttachment)
def attachment_not_indexed(obj):
    raise AttributeError("case attachments are not in this index")


# What the worklists query of a case's clocks: the running stage, its due date, paused.
# A case without a running clock (not routed yet, closed, or on a route without a statutory
# period) has no ``due_date`` or ``stage``; a paused clock has no due date until it resumes.
@indexer(ICase)
def due_date(case):
    """The due date kept by the clock (``StageClock.refresh``): indexing may happen at
    commit time, without a site, so nothing is computed here."""
    clock = clocks.current(case)
    due = getattr(clock, "due_date", None)
    if due is None:
        raise AttributeError("no running clock")
    return due


@indexer(ICase)
def stage(case):
    clock = clocks.current(case)
    if clock is None:
        raise AttributeError("no running clock")
    return clock.stage


@indexer(ICase)
def clock_paused(case):
    clock = clocks.current(case)
    return bool(clock is not None and clock.paused)


@indexer(IMediationSession)
def session_not_indexed(session):
    raise AttributeError("mediation sessions are not in this index")


# What the staff search finds a case by (cases/search_keys.py), in a staff-only index.
@indexer(ICase)
def case_search_keys(case):
    return search_keys.case_keys(case)


# The worklists' columns and their sort order (handling/worklists.py): names in pinyin order.
@indexer(ICase)
def applicant_sort(case):
    return sort_key(case.applicant_name)


@indexer(ICase)
def employer_sort(case):
    return sort_key(case.employer_name)


def sort_key(name):
    """Every case has a value (a sorted catalog query leaves out what its index lacks): the
    pinyin of the name, or "~" (after every name) for none."""
    name = (name or "").strip()
    if not name:
        return "~"
    return f"{' '.join(name_pinyin(name))}\t{name}"


@indexer(ICase)
def worklist_row(case):
    """What lists read of a case without waking it and no index holds (the worklists' columns,
    the workers of a warning's evidence), as one metadata value (a column named after a case
    field would be acquired by the case's attachments)."""
    amount = case.claim_amount
    return {
        "applicant": case.applicant_name or "",
        "employer": case.employer_name or "",
        "amount": str(amount) if amount is not None else "",
        "workers": case.workers_involved or 0,
    }


@indexer(ICase)
def amount_sort(case):
    """The amount claimed in fen (a FieldIndex sorts numbers, not Decimals); -1 for none, so
    that every case has a value (a sorted catalog query leaves out what its index lacks)."""
    if case.claim_amount is None:
        return -1
    return int(case.claim_amount * 100)
