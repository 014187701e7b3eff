"""The orders' site folder ``enterprise-services``: private; the arbitrators' group works in it
(``Editor`` here, inherited by every order and visit under it)."""

from plone import api
from plone.dexterity.utils import createContentInContainer
from suizhou.laborrights.enterprise.vocabularies import ARBITRATORS_GROUP


FOLDER_ID = "enterprise-services"
STAFF_ROLES = ("Editor", "Contributor")


def services_folder():
    portal = api.portal.get()
    folder = portal.get(FOLDER_ID)
    if folder is None:
        with api.env.adopt_roles(["Manager"]):
            folder = api.content.create(container=portal, type="Folder", id=FOLDER_ID, title="企业服务")
            folder.exclude_from_nav = True
            folder.reindexObject()
    if api.group.get(groupname=ARBITRATORS_GROUP) is not None:
        roles = set(folder.get_local_roles_for_userid(ARBITRATORS_GROUP))
        if not roles.issuperset(STAFF_ROLES):
            folder.manage_setLocalRoles(ARBITRATORS_GROUP, sorted(roles | set(STAFF_ROLES)))
            folder.reindexObjectSecurity()
    return folder


def create_in(container, portal_type, **fields):
    """Whoever files it (the public form's action files as anonymous)."""
    with api.env.adopt_roles(["Manager"]):
        return createContentInContainer(container, portal_type, checkConstraints=False, **fields)
