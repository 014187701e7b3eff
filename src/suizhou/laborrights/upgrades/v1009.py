"""1008 → 1009: open clocks count from the day the law names (issue 12, item 2).

The first clock of a route (mediation, arbitration acceptance, inspection filing) was counted
from routing; the law counts it from the receipt of the application or complaint
(《劳动争议调解仲裁法》第十四条、第二十九条; 《关于实施〈劳动保障监察条例〉若干规定》第十七条).
Running clocks of those stages are recounted from ``received``, with a line in the case's
history; clocks started by a transfer from mediation, and closed cases, are left alone."""

from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import periods


def upgrade(context):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Case", stage=sorted(set(periods.ROUTE_STAGES.values()))
    )
    moved = 0
    for brain in brains:
        if clocks.recount_from_receipt(brain._unrestrictedGetObject()):
            moved += 1
    logger.info("Upgraded to 1009: %d open clocks recounted from the receipt of the application.", moved)
