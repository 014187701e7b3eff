"""Create the Plone site with the add-on and its demo content, unless the database has it;
an existing site is upgraded to the add-on's profile version (its data kept).

Run by `make start` as `bin/instance run scripts/create_site.py`. The fictional demo content is
added on development instances only (`SITE_DEMO=0` leaves it out there too); a production
instance (LABORRIGHTS_ENVIRONMENT=production, set by the ZEO and RelStorage profiles) never adds
it and refuses `SITE_DEMO=1`.
"""

from AccessControl.SecurityManagement import newSecurityManager
from Products.CMFPlone.factory import addPloneSite
from suizhou.laborrights.deployment import demo_allowed
from Testing.makerequest import makerequest

import os
import sys
import transaction


SITE_ID = os.environ.get("SITE_ID", "Plone")
SITE_TITLE = "随州市劳动保障“一站式”维权服务平台"
if os.environ.get("SITE_DEMO") == "1" and not demo_allowed():
    sys.exit("生产环境不安装演示数据（SITE_DEMO=1 被拒绝）。 / No demo content on a production instance.")
WITH_DEMO = demo_allowed() and os.environ.get("SITE_DEMO", "1") != "0"
EXTENSIONS = [
    "plone.app.contenttypes:default",
    "plonetheme.barceloneta:default",
    "suizhou.laborrights:default",
] + (["suizhou.laborrights:demo"] if WITH_DEMO else [])


def main(app):
    app = makerequest(app)
    if SITE_ID in app.objectIds():
        upgrade(app[SITE_ID])
        return
    admin = app.acl_users.getUsers()[0]
    newSecurityManager(None, admin.__of__(app.acl_users))
    addPloneSite(
        app,
        SITE_ID,
        title=SITE_TITLE,
        setup_content=False,
        default_language="zh-cn",
        portal_timezone="Asia/Shanghai",
        extension_ids=EXTENSIONS,
    )
    transaction.commit()
    print(f"Created /{SITE_ID}" + (" with demo content." if WITH_DEMO else " without demo content."))


def upgrade(site):
    """Run the add-on's pending upgrade steps, so a kept database matches the code."""
    from AccessControl.users import system
    from zope.component.hooks import setSite

    newSecurityManager(None, system)
    setSite(site)
    setup = site.portal_setup
    profile = "suizhou.laborrights:default"
    before = setup.getLastVersionForProfile(profile)
    if setup.listUpgrades(profile):
        setup.upgradeProfile(profile)
        transaction.commit()
    after = setup.getLastVersionForProfile(profile)
    print(f"Site /{SITE_ID} exists: keeping its data (profile {'.'.join(before)} -> {'.'.join(after)}).")


main(app)  # noqa: F821 - `app` is given by `bin/instance run`
