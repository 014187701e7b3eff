"""Try again the e-mails and SMS whose send failed and whose next try is due
(suizhou.laborrights.notifications.retries). Run every 5 minutes on ONE Zope client of the
production buildout (deploy/laborrights-outbox.timer):

    bin/instance1 run scripts/outbox_retry.py

Two runs at once are harmless (each message is claimed before it is sent). `SITE_ID` names the
site (default `Plone`). The daily sweep (scripts/handling_sweep.py) runs the same retries, so a
site without this timer still retries once a day. What it did is logged to stderr.
"""

from suizhou.laborrights.notifications.retries import main

import logging
import os


logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s", force=True)
SITE_ID = os.environ.get("SITE_ID", "Plone")

counts = main(app, SITE_ID)  # noqa: F821 - `app` is given by `bin/instance run`
logging.getLogger("suizhou.laborrights").info(
    "Notification retries on /%s: %d sent, %d failed (%d after their last try).",
    SITE_ID,
    counts["sent"],
    counts["failed"],
    counts["given_up"],
)
