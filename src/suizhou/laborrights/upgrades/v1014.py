"""1013 → 1014: receipt links with a short lifetime (issue 18 item 6).

The signed link to a web filing's receipt and its PDF (registry ``filing.receipt_valid_hours``)
ends up in browser histories and logs: its default lifetime goes from 24 hours to 2. A site
still at the old default gets the new one; a lifetime the administrator chose is kept."""

from plone import api
from suizhou.laborrights import logger


RECORD = "suizhou.laborrights.filing.receipt_valid_hours"
OLD_DEFAULT, NEW_DEFAULT = 24, 2


def upgrade(context):
    if api.portal.get_registry_record(RECORD, default=None) == OLD_DEFAULT:
        api.portal.set_registry_record(RECORD, NEW_DEFAULT)
    logger.info("Upgraded to 1014: receipt links valid %s hours.", api.portal.get_registry_record(RECORD))
