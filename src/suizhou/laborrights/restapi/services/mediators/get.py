"""GET @mediators: the public profiles of mediators (gold-medal mediators first).

Filters: ``kind`` (mediation kind), ``district``, ``studio``, ``title`` (codes). A mediator's
phone is for staff only and is never part of this answer, whoever asks.
"""

from plone import api
from suizhou.laborrights.restapi.service import JsonService
from suizhou.laborrights.restapi.terms import Terms


def photo_url(mediator):
    if getattr(mediator, "photo", None) is None:
        return None
    return f"{mediator.absolute_url()}/@@images/photo/preview"


def serialize_mediator(mediator, terms, stations):
    return {
        "@id": mediator.absolute_url(),
        "UID": mediator.UID(),
        "title": mediator.title,
        "description": mediator.description or "",
        "organisation": mediator.organisation,
        "district": terms.term("districts", mediator.district),
        "mediation_kind": terms.term("mediation_kinds", mediator.mediation_kind),
        "mediator_title": terms.term("mediator_titles", mediator.mediator_title),
        "specialties": terms.terms("dispute_types", mediator.specialties),
        "studio": terms.term("studios", mediator.studio),
        "biography": mediator.biography,
        "photo": photo_url(mediator),
        "stations": [stations[uid] for uid in mediator.stations or () if uid in stations],
    }


def published_station_links(uids):
    """UID -> {"@id", "UID", "title"} of the published stations among ``uids``."""
    if not uids:
        return {}
    brains = api.content.find(portal_type="ServiceStation", review_state="published", UID=list(uids))
    return {brain.UID: {"@id": brain.getURL(), "UID": brain.UID, "title": brain.Title} for brain in brains}


class MediatorsGet(JsonService):
    def answer(self):
        terms = Terms()
        query = {}
        for parameter, index, list_name in (
            ("kind", "mediation_kind", "mediation_kinds"),
            ("district", "district", "districts"),
            ("studio", "studio", "studios"),
            ("title", "mediator_title", "mediator_titles"),
        ):
            code = self.code_param(parameter, terms, list_name)
            if code:
                query[index] = code
        brains = api.content.find(
            portal_type="Mediator", review_state="published", sort_on="sortable_title", **query
        )
        mediators = [brain.getObject() for brain in brains]
        ranks = terms.codes("mediator_titles")
        mediators.sort(
            key=lambda m: ranks.index(m.mediator_title) if m.mediator_title in ranks else len(ranks)
        )
        stations = published_station_links({uid for m in mediators for uid in m.stations or ()})
        items = [serialize_mediator(mediator, terms, stations) for mediator in mediators]
        self.public()
        return {"@id": self.request.getURL(), "items": items, "items_total": len(items)}
