"""The sites and caching modes of `make bench` (benchmarks/bench.sh), run by `bin/instance1 run`.

    sites.py stock        adds /stock: plain Plone 6 Classic with Barceloneta and its default
                          content (the front page the add-on's pages are compared with)
    sites.py uncached     plone.app.caching switched off on /Plone and /stock
    sites.py ram          plone.app.caching on, its "without caching proxy" profile (ETags and
                          the RAM cache for item and folder views), on both sites
The Varnish mode is scripts/setup_caching.py, as deployed (the shell script runs it per site).
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from plone.registry.interfaces import IRegistry
from Products.CMFPlone.factory import addPloneSite
from Testing.makerequest import makerequest
from zope.component import getUtility
from zope.component.hooks import setSite

import sys
import transaction


ENABLED = "plone.caching.interfaces.ICacheSettings.enabled"


def add_stock_site(app):
    addPloneSite(
        makerequest(app),
        "stock",
        title="Plone",
        setup_content=True,
        default_language="zh-cn",
        portal_timezone="Asia/Shanghai",
        extension_ids=["plone.app.contenttypes:default", "plonetheme.barceloneta:default"],
    )


def set_caching(site, mode):
    setSite(site)
    if mode == "ram":
        setup = site.portal_setup
        setup.runAllImportStepsFromProfile("profile-plone.app.caching:default")
        setup.runAllImportStepsFromProfile("profile-plone.app.caching:without-caching-proxy")
    registry = getUtility(IRegistry)
    if ENABLED in registry.records:
        registry[ENABLED] = mode == "ram"
    setSite(None)


def main(app, command):
    newSecurityManager(None, system)
    if command == "stock":
        add_stock_site(app)
    else:
        for site_id in ("Plone", "stock"):
            set_caching(app[site_id], command)
    transaction.commit()
    print(f"bench sites: {command} done")


main(app, sys.argv[-1])  # noqa: F821 - `app` is given by `bin/instance run`
