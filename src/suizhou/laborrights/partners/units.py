"""Partner units (1+X): each partner agency listed on a station (法院, 工会, 司法所, 公安警务室,
信访 …) is a unit of its own, the pair (agency, station). Its accounts are the members of the
group ``partner_<agency>_<station UID>``, created on first use as the stations' staff groups
are (``handling.assignment.ensure_unit_group``): nothing new is stored in the registry."""

from plone import api
from suizhou.laborrights.handling.assignment import station
from suizhou.laborrights.handling.assignment import unit_title
from suizhou.laborrights.vocabularies import registry_terms
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


GROUP_PREFIX = "partner_"
# The human-resources department hosts the stations: it is not a partner of its own.
HOST_AGENCY = "hrss"
COURT = "court"


def token(agency, uid):
    return f"{agency}-{uid}"


def parse(partner):
    """(agency, station UID) of a partner token, or (None, None)."""
    agency, _sep, uid = (partner or "").rpartition("-")
    return (agency, uid) if agency and uid else (None, None)


def exists(partner):
    agency, uid = parse(partner)
    found = station(uid) if uid else None
    return found is not None and agency in (found.partner_agencies or ()) and agency != HOST_AGENCY


def agency_of(partner):
    return parse(partner)[0]


def group_id(partner):
    agency, uid = parse(partner)
    return f"{GROUP_PREFIX}{agency}_{uid}"


def title(partner):
    agency, uid = parse(partner)
    agencies = dict(registry_terms("partner_agencies"))
    return f"{unit_title(uid)} · {agencies.get(agency, agency or '')}"


def ensure_group(partner):
    """The partner's group, created when missing; its id."""
    group = group_id(partner)
    if api.group.get(groupname=group) is None:
        api.group.create(groupname=group, title=f"{title(partner)}（协同单位）")
    return group


def partners_of(user=None):
    """The partner tokens whose group the user (default: current) is in."""
    if api.user.is_anonymous():
        return []
    user = user or api.user.get_current()
    groups = user.getGroups() if hasattr(user, "getGroups") else []
    found = []
    for group in groups:
        if group.startswith(GROUP_PREFIX):
            agency, _sep, uid = group[len(GROUP_PREFIX) :].rpartition("_")
            found.append(token(agency, uid))
    return found


def all_partners():
    """(token, title) of every partner unit of every station."""
    catalog = api.portal.get_tool("portal_catalog")
    found = []
    for brain in catalog.unrestrictedSearchResults(portal_type="ServiceStation", sort_on="sortable_title"):
        obj = brain._unrestrictedGetObject()
        for agency in obj.partner_agencies or ():
            if agency != HOST_AGENCY:
                partner = token(agency, obj.UID())
                found.append((partner, title(partner)))
    return found


@provider(IVocabularyFactory)
def PartnerUnits(context=None):
    return SimpleVocabulary([SimpleTerm(t, t, label) for t, label in all_partners()])
