"""The site of the filing benchmark (filing_http.sh), run by zconsole after scripts/create_site.py:
mail through the benchmark's SMTP sink, and a member account for POST @cases (filing as the
public; an anonymous caller would meet the per-address budget of machine filings); with
``norules``, every warning rule switched off (the filings without the rules, issue 14).

    zconsole run <zope.conf> filing_site.py <smtp port> <member password> [norules]
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from plone import api
from suizhou.laborrights.warnings.rules import ALL_RULES
from zope.component.hooks import setSite

import sys
import transaction


norules = sys.argv[-1] == "norules"
smtp_port, password = int(sys.argv[-3 if norules else -2]), sys.argv[-2 if norules else -1]
site = app.Plone  # noqa: F821 - `app` is given by zconsole
setSite(site)
newSecurityManager(None, system)
api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
api.portal.set_registry_record("plone.smtp_port", smtp_port)
api.portal.set_registry_record("plone.email_from_address", "noreply@example.org")
api.portal.set_registry_record("plone.email_from_name", "维权平台")
if not api.user.get(username="filer"):
    api.user.create(email="filer@example.org", username="filer", password=password)
for rule in ALL_RULES if norules else ():
    api.portal.set_registry_record(f"suizhou.laborrights.warnings.{rule}_enabled", False)
transaction.commit()
print("filing site ready")
