"""The gig market's site folders, made when first needed (upgrade 1023, the demo, a filing).

``jobs`` holds the postings and is published (each posting's own workflow decides who sees it);
``job-seekers`` stays private: the seekers' workflow gives View to the station's staff only."""

from plone import api
from plone.dexterity.utils import createContentInContainer


POSTINGS_ID = "jobs"
SEEKERS_ID = "job-seekers"


def _folder(folder_id, title, publish):
    portal = api.portal.get()
    folder = portal.get(folder_id)
    if folder is None:
        with api.env.adopt_roles(["Manager"]):
            folder = api.content.create(container=portal, type="Folder", id=folder_id, title=title)
            folder.exclude_from_nav = True
            folder.reindexObject()
            if publish:
                api.content.transition(folder, to_state="published")
    return folder


def postings_folder():
    return _folder(POSTINGS_ID, "零工招聘岗位", publish=True)


def seekers_folder():
    return _folder(SEEKERS_ID, "零工求职登记", publish=False)


def create_in(folder, portal_type, **fields):
    """An object of one of the gig types in its folder, whoever files it (the types are not
    addable anywhere by the add menu: their forms and the REST channel create them)."""
    with api.env.adopt_roles(["Manager"]):
        return createContentInContainer(folder, portal_type, checkConstraints=False, **fields)
