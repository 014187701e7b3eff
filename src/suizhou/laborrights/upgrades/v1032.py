"""1031 → 1032: two findings of the security review (issue 17).

- The staff search's own secret. Phone and ID keys were hashed with Plone's ``_system`` keyring
  secret: rotating the keyring made every stored case unfindable by phone and ID. The site gets
  a secret of its own (``cases.search_keys``: an annotation of the site root, made once) and every
  stored case's search keys are made again with it.
- Disabled staff accounts. The disabled mark lived in the member's biography (``description``),
  which users edit themselves. Each account marked ``【已停用】<district>`` that has no group and
  no role (as ``staff.accounts.disable`` left it) is recorded as disabled by that district where
  no user can edit it (``staff.accounts``) and its biography is emptied; the accounts moved are
  logged, for the administrator to review. A mark on any other account is left as text and means
  nothing.
"""

from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.cases import search_keys
from suizhou.laborrights.staff import accounts
from suizhou.laborrights.vocabularies import registry_terms

import transaction


OLD_MARK = "【已停用】"


def upgrade(context):
    reindex_search_keys()
    move_disabled_marks()


def reindex_search_keys():
    search_keys.ensure_secret(api.portal.get())
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="Case")
    for number, brain in enumerate(brains, 1):
        case = brain._unrestrictedGetObject()
        catalog.catalog_object(case, brain.getPath(), idxs=["case_search_keys"], update_metadata=False)
        if number % 1000 == 0:
            transaction.savepoint(optimistic=True)
    logger.info("Upgraded to 1032: the staff search's own secret, %s cases reindexed.", len(brains))


def move_disabled_marks():
    codes = {code for code, _title in registry_terms("districts")}
    for user in api.user.get_users():
        description = user.getProperty("description") or ""
        district = description[len(OLD_MARK):] if description.startswith(OLD_MARK) else None
        if district not in codes:
            continue
        groups = set(user.getGroups()) - {"AuthenticatedUsers"}
        roles = set(api.user.get_roles(user=user)) - {"Member", "Authenticated"}
        if groups or roles:
            continue
        accounts.mark_disabled(user.getId(), district)
        user.setMemberProperties({"description": ""})
        logger.warning("Upgraded to 1032: account %s recorded as disabled by district %s.", user.getId(), district)
