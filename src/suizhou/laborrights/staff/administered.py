"""Which districts a user administers: the one answer the statistics, the early warnings, the
assessment and the district staff page all ask.

The rule is the roles the site set-up grants (``setuphandlers``): whoever supervises the whole
register (``CaseSupervisor``, ``Site Administrator`` or ``Manager`` on ``/cases``: the 市局管理员
group and the site's managers) administers the city; a district administrator supervises
``/cases/<code>`` (the ``district_admins_<code>`` group's local role, or the same role given by
sharing) and administers that district; nobody else any. Roles, not group names: a role given
by hand counts the same everywhere, and a group renamed or nested changes nothing.
"""

from plone import api
from suizhou.laborrights.cases.register import get_register
from suizhou.laborrights.vocabularies import registry_terms


CITY_ROLES = frozenset(("CaseSupervisor", "Site Administrator", "Manager"))
DISTRICT_ROLE = "CaseSupervisor"


def administered_districts(user=None):
    """None when ``user`` (default: the current user) administers the whole city, else the
    frozenset of the district codes they administer (empty for anyone else, anonymous too)."""
    if user is None:
        if api.user.is_anonymous():
            return frozenset()
        user = api.user.get_current()
    register = get_register()
    # Asked of the member itself: api.user.get_roles would look the user up again for each of
    # the seven places, and a red warning's e-mail asks this of every user.
    roles_in = user.getRolesInContext
    if CITY_ROLES & set(roles_in(register)):
        return None
    return frozenset(
        code
        for code, _title in registry_terms("districts")
        if code in register and DISTRICT_ROLE in roles_in(register[code])
    )


def administered_district_codes(user=None):
    """The codes, in the registry's order, of the districts ``user`` (default: the current user)
    administers: every one for the city, none for anyone else."""
    districts = administered_districts(user)
    return [code for code, _title in registry_terms("districts") if districts is None or code in districts]
