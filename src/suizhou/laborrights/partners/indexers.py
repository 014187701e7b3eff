"""What the catalog learns of a case for the partners' mailboxes: the units it was sent to
(``partner_units``, their tokens) and, as a metadata column, each transfer's unit, number and
sending time (``partner_transfers``), by which a mailbox orders its matters and wakes only the
cases of the page it shows; no personal data."""

from plone.indexer import indexer
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.partners import transfers


@indexer(ICase)
def partner_units(case):
    found = sorted({t["partner"] for t in transfers.transfers(case)})
    if not found:
        raise AttributeError("never sent to a partner")
    return found


@indexer(ICase)
def partner_transfers(case):
    """((partner token, transfer id, sent), …) of the case's transfers, oldest first."""
    found = tuple((t["partner"], t["id"], t["sent"]) for t in transfers.transfers(case))
    if not found:
        raise AttributeError("never sent to a partner")
    return found
