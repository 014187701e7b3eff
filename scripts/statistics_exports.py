"""Build the statistics exports left waiting (their worker thread's instance stopped) and remove
the files past their keeping time (suizhou.laborrights.statistics.export_jobs). Run every few
minutes on ONE Zope client of the production buildout, as scripts/outbox_retry.py is:

    bin/instance1 run scripts/statistics_exports.py

`SITE_ID` names the site (default `Plone`). What it did is logged to stderr.
"""

from suizhou.laborrights.statistics.export_jobs import main

import logging
import os


logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s", force=True)
SITE_ID = os.environ.get("SITE_ID", "Plone")

counts = main(app, SITE_ID)  # noqa: F821 - `app` is given by `bin/instance run`
logging.getLogger("suizhou.laborrights").info(
    "Statistics exports on /%s: %d built, %d expired removed.", SITE_ID, counts["built"], counts["removed"]
)
