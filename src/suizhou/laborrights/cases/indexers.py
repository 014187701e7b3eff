"""Catalog indexers for cases: what the worklists query, and the indexes a case is kept out of.

A case's body and personal data never reach the full-text indexes, and a case is kept out of
every index that no worklist or statistic queries: each of those is one more shared structure
(a word-count bucket, a per-minute date key) on which concurrent filings would conflict, and
a few more objects every filing writes. Metadata columns nobody shows for a case (image scales,
object size) are skipped the same way. The registrations in configure.zcml name the indexes a case is kept out of.
"""

from plone.indexer import indexer
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.content.case_attachment import ICaseAttachment
from suizhou.laborrights.content.mediation_session import IMediationSession
from suizhou.laborrights.handling import clocks


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
