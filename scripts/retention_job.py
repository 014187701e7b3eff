"""List the closed cases past their retention period (suizhou.laborrights.cases.retention) for
the city administrator, who approves their anonymisation on the register's page @@retention.
Nothing is anonymised here. Run once a week on ONE Zope client of the production buildout
(deploy/laborrights-retention.timer):

    bin/instance1 run scripts/retention_job.py

`SITE_ID` names the site (default `Plone`). What it found is logged to stderr.
"""

from suizhou.laborrights.cases.retention import main

import logging
import os


logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s", force=True)
SITE_ID = os.environ.get("SITE_ID", "Plone")

references = main(app, SITE_ID)  # noqa: F821 - `app` is given by `bin/instance run`
logging.getLogger("suizhou.laborrights").info(
    "Retention check of /%s done: %d case(s) listed on @@retention.", SITE_ID, len(references)
)
