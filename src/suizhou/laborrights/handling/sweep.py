"""The daily sweep: recompute the running clocks' due dates (a new year's holidays may have
been entered), then announce clocks that are due soon or overdue (``CaseDueSoon``,
``CaseOverdue``), once per clock and due date, and note it in the case history.

Run once a day by ``scripts/handling_sweep.py`` (``bin/instance1 run scripts/handling_sweep.py``,
scheduled by the systemd timer in ``deploy/``, see docs/deployment.md), or by calling
``@@handling-sweep`` on the site as a Manager.
"""

from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.background import as_system
from suizhou.laborrights.background import open_site
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import periods

import datetime
import transaction


def refresh_all():
    """Recompute the due dates of all running clocks (the holiday calendar or the
    administrator's overrides may have changed since); returns how many moved."""
    catalog = api.portal.get_tool("portal_catalog")
    moved = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="Case", stage=list(periods.STAGES)):
        if clocks.refresh(brain._unrestrictedGetObject()):
            moved += 1
    return moved


def sweep(on=None):
    """Refresh the due dates, then announce due-soon and overdue clocks; returns
    {"due_soon": n, "overdue": n, "moved": n}."""
    on = on or periods.today()
    moved = refresh_all()
    horizon = on + datetime.timedelta(days=int(periods.setting("due_soon_days", 3) or 0))
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Case", due_date={"query": horizon, "range": "max"}
    )
    counts = {"due_soon": 0, "overdue": 0, "moved": moved}
    for brain in brains:
        case = brain._unrestrictedGetObject()
        kind = clocks.announce(case, on)
        if kind:
            counts[kind] += 1
    logger.info(
        "Clock sweep of %s: %d due soon, %d overdue, %d due date(s) moved.",
        on,
        counts["due_soon"],
        counts["overdue"],
        counts["moved"],
    )
    return counts


def main(app, site_id="Plone", on=None, attempts=5):
    """For ``bin/instance run``: sweep the Plone site ``site_id`` as the system user and commit.

    The running instances may change a case at the same moment: a write conflict aborts the
    whole sweep and runs it again (up to ``attempts`` times). Nothing is announced twice, as
    an announcement is recorded on its clock in the same transaction that queues its mail,
    and mail leaves only after the commit. Returns the counts of ``sweep``.
    """
    from suizhou.laborrights.notifications.retries import retry_due
    from suizhou.laborrights.settings import setting

    app = as_system(app)
    for attempt in transaction.manager.attempts(attempts):
        with attempt:
            site = open_site(app, site_id)
            if not (setting("notifications", "site_url", "") or "").strip():
                logger.warning(
                    "The notification settings have no public site address: the links in "
                    "the reminders will use this script's placeholder host."
                )
            counts = sweep(on)
    transaction.begin()
    retry_due(site)  # failed notifications due again (also run every 5 minutes: deploy/)
    return counts


