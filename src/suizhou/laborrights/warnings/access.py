"""Who sees which warnings: the city (managers, site administrators, the 市局管理员 group) all of
them, a district administrator those touching the district, nobody else any."""

from plone import api
from suizhou.laborrights.setuphandlers import district_admins_group

import re


CITY_ROLES = ("Manager", "Site Administrator")
CITY_GROUP = "city_admins"
_DISTRICT_GROUP = re.compile("^" + re.escape(district_admins_group("")) + "(.+)$")


def visible_districts(user=None):
    """None for the whole city, else the (possibly empty) set of district codes."""
    if api.user.is_anonymous() and user is None:
        return frozenset()
    user = user or api.user.get_current()
    if any(role in CITY_ROLES for role in api.user.get_roles(user=user)):
        return None
    groups = {group.getId() for group in api.group.get_groups(user=user)}
    if CITY_GROUP in groups:
        return None
    return frozenset(m.group(1) for m in map(_DISTRICT_GROUP.match, groups) if m)


def may_see(warning, districts):
    """Whether a warning is visible to someone who sees ``districts`` (``visible_districts``)."""
    return districts is None or bool(districts.intersection(warning.districts))


def may_see_any(user=None):
    return visible_districts(user) != frozenset()
