"""What the catalog learns of a case for the partners' mailboxes: the units it was sent to
(``partner_units``, their tokens; no personal data)."""

from plone.indexer import indexer
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.partners import transfers


@indexer(ICase)
def partner_units(case):
    found = sorted({t["partner"] for t in transfers.transfers(case)})
    if not found:
        raise AttributeError("never sent to a partner")
    return found
