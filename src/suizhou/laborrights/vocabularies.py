"""Vocabularies: the registry lists (``code|标题`` lines) and the stations of the site."""

from plone import api
from suizhou.laborrights.settings import setting
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def parse_line(line):
    """'wage_arrears|拖欠工资' -> ('wage_arrears', '拖欠工资'); a bare code is its own title."""
    code, _sep, title = line.partition("|")
    code = code.strip()
    return code, (title.strip() or code)


def registry_terms(name):
    """The (code, title) pairs of one registry list, in the administrator's order."""
    lines = setting("vocabularies", name, ()) or ()
    return [parse_line(line) for line in lines if line.strip()]


def title_of(name, code):
    """The Chinese title of ``code`` in registry list ``name`` (the code if unknown)."""
    return dict(registry_terms(name)).get(code, code)


def _registry_vocabulary(name):
    @provider(IVocabularyFactory)
    def factory(context=None):
        return SimpleVocabulary(
            [SimpleTerm(value=code, token=code, title=title) for code, title in registry_terms(name)]
        )

    return factory


# One named vocabulary per registry list: suizhou.laborrights.vocabularies.<Name>.
Districts = _registry_vocabulary("districts")
DisputeTypes = _registry_vocabulary("dispute_types")
Channels = _registry_vocabulary("channels")
MediationKinds = _registry_vocabulary("mediation_kinds")
PartnerAgencies = _registry_vocabulary("partner_agencies")
Routes = _registry_vocabulary("routes")
Outcomes = _registry_vocabulary("outcomes")
StationLevels = _registry_vocabulary("station_levels")
HostTypes = _registry_vocabulary("host_types")
MediatorTitles = _registry_vocabulary("mediator_titles")
Studios = _registry_vocabulary("studios")
ClaimKinds = _registry_vocabulary("claim_kinds")
RefusalReasons = _registry_vocabulary("refusal_reasons")

@provider(IVocabularyFactory)
def Stations(context=None):
    """Every service place of the city (center, station, point), by UID, grouped by district."""
    brains = api.content.find(portal_type="ServiceStation", sort_on="sortable_title", unrestricted=True)
    districts = dict(registry_terms("districts"))
    return SimpleVocabulary(
        [
            SimpleTerm(
                value=brain.UID,
                token=brain.UID,
                title=f"{districts.get(brain.district, brain.district or '')} · {brain.Title}",
            )
            for brain in brains
        ]
    )
