"""The townships (乡镇、街道) an applicant may pick: each stands for the station serving it.

A term's value is the UID of the published service place of that township (a township
station before a center before a village point), so the case's station and district follow
from the township picked.
"""

from plone import api
from suizhou.laborrights.vocabularies import registry_terms
from zope.globalrequest import getRequest
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


LEVEL_PREFERENCE = {"station": 0, "center": 1, "point": 2}


CACHE_KEY = "suizhou.laborrights.townships"


@provider(IVocabularyFactory)
def Townships(context=None):
    """Computed once per request: a form asks for it for its widget, validation and display."""
    request = getRequest()
    cached = request.get(CACHE_KEY) if request is not None else None
    if cached is None:
        cached = _townships()
        if request is not None:
            request.set(CACHE_KEY, cached)
    return cached


def _townships():
    districts = registry_terms("districts")
    district_titles = dict(districts)
    district_order = {code: index for index, (code, _title) in enumerate(districts)}
    chosen = {}  # (district, township) -> (preference, UID)
    for brain in api.content.find(portal_type="ServiceStation", review_state="published", unrestricted=True):
        township = (getattr(brain._unrestrictedGetObject(), "township", "") or "").strip()
        if not township:
            continue
        key = (brain.district, township)
        candidate = (LEVEL_PREFERENCE.get(brain.level, 9), brain.UID)
        if key not in chosen or candidate < chosen[key]:
            chosen[key] = candidate
    terms = [
        SimpleTerm(value=uid, token=uid, title=f"{district_titles.get(district, district)} · {township}")
        for (district, township), (_preference, uid) in sorted(
            chosen.items(), key=lambda item: (district_order.get(item[0][0], 99), item[0][1])
        )
    ]
    return SimpleVocabulary(terms)
