"""The public pages that ``perf_budget.sh`` measures, one of each page type, as JSON lines.

Run after ``scripts/create_site.py`` (demo content) as
``zconsole run zope.conf benchmarks/perf_pages.py SITE_URL``; prints one ``{"page", "path"}``
object a line. The receipt is the page a citizen lands on after filing online: a signed link
to the receipt of a case the demo filed through the web, made here as the form makes it.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.users import UnrestrictedUser
from plone import api
from suizhou.laborrights.demo.cases import DESK_CHANNELS
from suizhou.laborrights.forms.receipt import receipt_query
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import json
import os


SITE_ID = os.environ.get("SITE_ID", "Plone")


def first(portal, portal_type, **query):
    brains = api.content.find(context=portal, portal_type=portal_type, sort_on="getObjPositionInParent", **query)
    return "/" + "/".join(brains[0].getPath().split("/")[2:])


def web_case(portal):
    """A demo case filed by the public (not at a desk), else the first case."""
    cases = [b._unrestrictedGetObject() for b in portal.portal_catalog.unrestrictedSearchResults(portal_type="Case")]
    if not cases:
        raise SystemExit("perf_pages: the demo site has no case")
    public = [case for case in cases if getattr(case, "channel", None) not in DESK_CHANNELS]
    return (public or cases)[0]


def main(app):
    app = makerequest(app)
    portal = app[SITE_ID]
    setSite(portal)
    newSecurityManager(None, UnrestrictedUser("admin", "", ["Manager"], []).__of__(app.acl_users))
    pages = [
        ("home", ""),
        ("station finder", "/stations"),
        ("station", first(portal, "ServiceStation")),
        ("mediators", "/mediators"),
        ("mediator", first(portal, "Mediator")),
        ("guides", "/guides"),
        ("guide", first(portal, "Guide")),
        ("typical cases", "/typical-cases"),
        ("typical case", first(portal, "TypicalCase")),
        ("form: complaint", "/apply/complaint"),
        ("form: mediation", "/apply/mediation"),
        ("form: arbitration", "/apply/arbitration"),
        ("form: employer service", "/apply/employer-service"),
        ("receipt", "/@@filing-receipt?" + receipt_query(web_case(portal))),
        ("progress", "/@@case-progress"),
        ("search", "/@@search?SearchableText=%E6%AC%A0%E8%96%AA"),
        ("404", "/no-such-page"),
    ]
    for page, path in pages:
        print(json.dumps({"page": page, "path": f"/{SITE_ID}{path}"}, ensure_ascii=False))


main(app)  # noqa: F821 - `app` is given by zconsole
