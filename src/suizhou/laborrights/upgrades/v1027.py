"""1026 → 1027: the home page's 零工驿站 entry leads to the gig-worker stations' job page
(``@@gig-jobs``: postings, job-seeker registration, legal service) instead of the station finder.

Only the entry as shipped is changed: an entry the administrator edited stays as it is."""

from plone import api
from suizhou.laborrights import logger


RECORD = "suizhou.laborrights.public.home_entries"
OLD = "gig|零工驿站|stations?host_type=gig_station|招聘、求职登记、法律服务、劳动维权"
NEW = "gig|零工驿站|@@gig-jobs|招聘、求职登记、法律服务、劳动维权"


def upgrade(context):
    entries = api.portal.get_registry_record(RECORD, default=None)
    if entries and OLD in entries:
        api.portal.set_registry_record(RECORD, tuple(NEW if entry == OLD else entry for entry in entries))
        logger.info("Upgraded to 1027: the home page's 零工驿站 entry leads to @@gig-jobs.")
