"""The daily sweep: recompute the running clocks' due dates (a new year's holidays may have
been entered), then announce clocks that are due soon or overdue (``CaseDueSoon``,
``CaseOverdue``), once per clock and due date, and note it in the case history.

Run it once a day, e.g. from cron with the instance's script runner::

    bin/instance run -c "from suizhou.laborrights.handling.sweep import main; main(app)"

or by calling ``@@handling-sweep`` on the site as a Manager.
"""

from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.handling import clocks

import datetime
import transaction


def refresh_all():
    """Recompute the due dates of all running clocks (the holiday calendar or the
    administrator's overrides may have changed since); returns how many moved."""
    catalog = api.portal.get_tool("portal_catalog")
    moved = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="Case", stage=list(clocks.STAGES)):
        if clocks.refresh(brain._unrestrictedGetObject()):
            moved += 1
    return moved


def sweep(on=None):
    """Refresh the due dates, then announce due-soon and overdue clocks; returns
    {"due_soon": n, "overdue": n, "moved": n}."""
    on = on or clocks.today()
    moved = refresh_all()
    horizon = on + datetime.timedelta(days=int(clocks.setting("due_soon_days", 3) or 0))
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
        "Clock sweep of %s: %d due soon, %d overdue.", on, counts["due_soon"], counts["overdue"]
    )
    return counts


def main(app):
    """For ``bin/instance run``: sweep every Plone site of the instance and commit."""
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.SpecialUsers import system
    from Testing.makerequest import makerequest
    from zope.component.hooks import setSite

    app = makerequest(app)
    newSecurityManager(None, system)
    for site in app.objectValues("Plone Site"):
        setSite(site)
        sweep()
        transaction.commit()
