"""The daily sweep of the statutory clocks: recompute the running deadlines, announce the ones
due soon or overdue (mail to the unit and the handler, a line in the case history), once per
clock and due date, so running it twice a day is harmless.

Run once a day on ONE Zope client of the production buildout (deploy/laborrights-sweep.timer):

    bin/instance1 run scripts/handling_sweep.py

`SITE_ID` names the site (default `Plone`, as scripts/create_site.py). With the development
FileStorage, stop `bin/instance` first (or call @@handling-sweep on the site as a Manager).
What it did is logged to stderr (the systemd journal); it exits non-zero when it fails.
"""

from suizhou.laborrights.handling.sweep import main

import logging
import os


logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s", force=True)
SITE_ID = os.environ.get("SITE_ID", "Plone")

counts = main(app, SITE_ID)  # noqa: F821 - `app` is given by `bin/instance run`
logging.getLogger("suizhou.laborrights").info(
    "Handling sweep of /%s done: %d due soon, %d overdue, %d due date(s) moved.",
    SITE_ID,
    counts["due_soon"],
    counts["overdue"],
    counts["moved"],
)
