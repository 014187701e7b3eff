"""Create the Plone site with the add-on and its demo content, unless the database has it.

Run by `make start` as `bin/instance run scripts/create_site.py`. For a production site without
the fictional demo content: `SITE_DEMO=0 bin/instance1 run scripts/create_site.py`.
"""

from AccessControl.SecurityManagement import newSecurityManager
from Products.CMFPlone.factory import addPloneSite
from Testing.makerequest import makerequest

import os
import transaction


SITE_ID = os.environ.get("SITE_ID", "Plone")
SITE_TITLE = "随州市劳动保障“一站式”维权服务平台"
WITH_DEMO = os.environ.get("SITE_DEMO", "1") != "0"
EXTENSIONS = [
    "plone.app.contenttypes:default",
    "plonetheme.barceloneta:default",
    "suizhou.laborrights:default",
] + (["suizhou.laborrights:demo"] if WITH_DEMO else [])


def main(app):
    app = makerequest(app)
    if SITE_ID in app.objectIds():
        print(f"Site /{SITE_ID} exists: keeping its data.")
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


main(app)  # noqa: F821 - `app` is given by `bin/instance run`
