"""1029 → 1030: the statistics read their own store of records (statistics/store.py, issue 14
performance) and count the level of resolution (issue 15 item 4).

Every stored case gets its record in the store. A case closed before the level was recorded
gets the level closure gives by default, its handling unit's (服务点, 服务站 or 维权中心), when
the unit is still there and has one; otherwise it stays without a level (counted as 未记录层级).
The ``statistics_record`` catalog metadata column the store replaces is removed."""

from Acquisition import aq_base
from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.cases.closure import unit_level
from suizhou.laborrights.statistics import store

import transaction


def upgrade(context):
    catalog = api.portal.get_tool("portal_catalog")
    trees = store.trees(create=True)
    brains = catalog.unrestrictedSearchResults(portal_type="Case")
    derived = unknown = 0
    for number, brain in enumerate(brains, 1):
        case = brain._unrestrictedGetObject()
        if brain.review_state == "closed" and not getattr(aq_base(case), "resolution_level", None):
            level = unit_level(case)
            if level:
                case.resolution_level = level
                derived += 1
            else:
                unknown += 1
        store.refresh(case, trees)
        if number % 1000 == 0:
            transaction.savepoint(optimistic=True)
            case._p_jar.cacheGC()
    if "statistics_record" in catalog.schema():
        catalog.delColumn("statistics_record")
    logger.info(
        "Upgraded to 1030: %s cases in the statistics store; level of resolution derived for %s closed "
        "cases, unknown for %s.",
        len(brains),
        derived,
        unknown,
    )
