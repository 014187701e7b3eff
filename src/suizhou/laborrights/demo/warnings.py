"""The warnings of the demo site: the rules raised them while the demo cases were filed (the
twelve complaints against 恒驰 in one week, the collective filing of 18 workers); this step
makes sure the cluster's warning is there and shows it being handled, as journey 4 tells."""

from plone import api
from suizhou.laborrights.demo.employers import COLLECTIVE_EMPLOYER
from suizhou.laborrights.demo.employers import employers_by_key
from suizhou.laborrights.warnings.employers import employer_key
from suizhou.laborrights.warnings.store import get_store
from suizhou.laborrights.warnings.subscribers import check_case

import logging


logger = logging.getLogger("suizhou.laborrights.demo")
HANDLING_NOTE = "已通知高新区劳动保障监察大队现场核查，约谈企业负责人，督促制定工资支付计划。"


def cluster_cases(credit_code):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="Case", employer_keys=[f"code:{credit_code}"])
    return [brain._unrestrictedGetObject() for brain in brains]


def raise_demo_warnings():
    """The cluster's warning (the rules again, idempotent), taken into handling with a note."""
    credit_code = employers_by_key()[COLLECTIVE_EMPLOYER]["credit_code"]
    for case in sorted(cluster_cases(credit_code), key=lambda case: case.received):
        check_case(case)
    store = get_store(create=True)
    warning = store.open_warning("employer", employer_key(credit_code, None))
    if warning is None:
        logger.warning("The demo cluster raised no warning: are the warning rules switched off?")
        return None
    if warning.state == "open":
        store.transition(warning, "handle", api.user.get_current().getId(), HANDLING_NOTE)
    logger.info(
        "Demo warning %s: %s, %d cases, %d workers.", warning.id, warning.level, len(warning.cases), warning.workers
    )
    return warning
