"""Switch HTTP caching on for a caching proxy (Varnish, deploy/varnish.vcl) and purge it on change.

The setup step of the production profiles (docs/deployment.md, "Varnish"), run once after
scripts/create_site.py and again whenever the proxy's address changes:

    bin/instance1 run scripts/setup_caching.py

The proxy's address comes from LABORRIGHTS_CACHING_PROXY, which profiles/production.cfg sets
from `[site] caching-proxy` (default http://127.0.0.1:6081). It installs plone.app.caching,
imports its "with caching proxy" settings, lets the proxy keep the public pages (item and folder
views: moderate caching, `s-maxage`; the anonymous visitors only, logged-in users and the forms
and case pages keep their own no-store / private headers) and switches purging on, with the
add-on's public types added to the purged types. Running it again changes nothing more.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from plone.registry import FieldRef
from plone.registry import Record
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
from zope.component.hooks import setSite

import os
import sys
import transaction


SITE_ID = os.environ.get("SITE_ID", "Plone")
PROXY = os.environ.get("LABORRIGHTS_CACHING_PROXY", "").rstrip("/")
# Seconds a shared cache may keep a page; a purge drops it at once when the page changes.
# Folder views (front page, sections) list other items, whose changes purge only their own
# pages: those listings may lag by up to FOLDER_SMAXAGE.
ITEM_SMAXAGE = 3600
FOLDER_SMAXAGE = 300
PUBLIC_TYPES = ("Guide", "TypicalCase", "ServiceStation", "Mediator", "District", "Document", "News Item")


def set_record(registry, name, value, like):
    """Set `name`, creating it with the field of the record `like` when it is missing."""
    if name not in registry.records:
        registry.records[name] = Record(FieldRef(like, registry.records[like].field))
    registry[name] = value


def main(app):
    if not PROXY.startswith("http"):
        sys.exit(
            "未设置缓存代理地址（LABORRIGHTS_CACHING_PROXY，如 http://127.0.0.1:6081）。"
            " / LABORRIGHTS_CACHING_PROXY is not set."
        )
    portal = app[SITE_ID]
    newSecurityManager(None, system)
    setSite(portal)
    setup = portal.portal_setup
    setup.runAllImportStepsFromProfile("profile-plone.app.caching:default")
    setup.runAllImportStepsFromProfile("profile-plone.app.caching:with-caching-proxy")

    registry = getUtility(IRegistry)
    registry["plone.caching.interfaces.ICacheSettings.enabled"] = True
    mapping = dict(registry["plone.caching.interfaces.ICacheSettings.operationMapping"])
    for ruleset, smaxage in (("itemView", ITEM_SMAXAGE), ("folderView", FOLDER_SMAXAGE)):
        rule = f"plone.content.{ruleset}"
        mapping[rule] = "plone.app.caching.moderateCaching"
        prefix = f"plone.app.caching.moderateCaching.{rule}"
        set_record(registry, f"{prefix}.smaxage", smaxage, "plone.app.caching.moderateCaching.smaxage")
        set_record(
            registry,
            f"{prefix}.etags",
            tuple(registry[f"plone.app.caching.weakCaching.{rule}.etags"]),
            "plone.app.caching.moderateCaching.etags",
        )
        set_record(registry, f"{prefix}.ramCache", True, "plone.app.caching.moderateCaching.ramCache")
        set_record(registry, f"{prefix}.anonOnly", True, "plone.app.caching.moderateCaching.anonOnly")
    registry["plone.caching.interfaces.ICacheSettings.operationMapping"] = mapping

    purging = "plone.cachepurging.interfaces.ICachePurgingSettings"
    registry[f"{purging}.enabled"] = True
    registry[f"{purging}.cachingProxies"] = (PROXY,)
    purged = "plone.app.caching.interfaces.IPloneCacheSettings.purgedContentTypes"
    registry[purged] = tuple(dict.fromkeys((*registry[purged], *PUBLIC_TYPES)))
    transaction.commit()
    print(f"HTTP caching on /{SITE_ID}: shared caching of public pages, purging {PROXY}.")


main(app)  # noqa: F821 - `app` is given by `bin/instance run`
