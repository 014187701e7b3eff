"""1027 → 1028: lockout after repeated failed logins (issue 13 item 6).

The site's acl_users gets the ``login_lockout`` plugin as its first authentication plugin, the gate
in front of ``source_users`` (see ``staff.lockout``); accounts and passwords stay as they are."""

from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.staff import lockout


def upgrade(context):
    lockout.install(api.portal.get())
    logger.info("Upgraded to 1028: lockout after repeated failed logins.")
