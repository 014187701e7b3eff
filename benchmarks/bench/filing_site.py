"""The site of the filing benchmark (filing_http.sh), run by zconsole after scripts/create_site.py:
mail through the benchmark's SMTP sink, and a member account for POST @cases (filing as the
public; an anonymous caller would meet the per-address budget of machine filings).

    zconsole run <zope.conf> filing_site.py <smtp port> <member password> [plain]

plain: the trees that cases/buckets.py gives large buckets are made plain ones again, as on a
site before upgrade 1035 (the baseline of a comparison; filing_instance.py does the same for
the bins' meta-type index with FILING_PLAIN_TREES=1).
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from plone import api
from zope.component.hooks import setSite

import sys
import transaction


plain = sys.argv[-1] == "plain"
smtp_port, password = int(sys.argv[-3 if plain else -2]), sys.argv[-2 if plain else -1]
site = app.Plone  # noqa: F821 - `app` is given by zconsole
setSite(site)
newSecurityManager(None, system)
api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
api.portal.set_registry_record("plone.smtp_port", smtp_port)
api.portal.set_registry_record("plone.email_from_address", "noreply@example.org")
api.portal.set_registry_record("plone.email_from_name", "维权平台")
if not api.user.get(username="filer"):
    api.user.create(email="filer@example.org", username="filer", password=password)
if plain:
    from suizhou.laborrights.cases import buckets
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    catalog = api.portal.get_tool("portal_catalog")._catalog
    owners = [(catalog, name) for name in buckets.CATALOG_TREES]
    owners += [(index, name) for index in catalog.indexes.values() for name in buckets.INDEX_TREES]
    owners += [(getUtility(IIntIds), name) for name in ("ids", "refs")]
    for owner, name in owners:
        tree = getattr(owner, name, None)
        if type(tree) in buckets.LARGE.values():
            setattr(owner, name, type(tree).__bases__[0](tree))  # the plain BTree class
transaction.commit()
print("filing site ready" + (" (plain trees)" if plain else ""))
