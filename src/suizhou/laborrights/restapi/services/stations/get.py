"""GET @stations: the service places of the city (centers, stations, points).

Filters: ``district``, ``level`` (codes); ``near=lat,lon`` adds ``distance_km`` and sorts the
nearest first (places without coordinates last). Otherwise in the administrator's order of
districts and levels, then by name.
"""

from plone import api
from suizhou.laborrights.geo import haversine_km
from suizhou.laborrights.geo import parse_point
from suizhou.laborrights.restapi.service import JsonService
from suizhou.laborrights.restapi.terms import Terms


def serialize_station(station, terms):
    return {
        "@id": station.absolute_url(),
        "UID": station.UID(),
        "title": station.title,
        "description": station.description or "",
        "level": terms.term("station_levels", station.level),
        "district": terms.term("districts", station.district),
        "township": station.township,
        "village": station.village,
        "host_type": terms.term("host_types", station.host_type),
        "host_name": station.host_name,
        "address": station.address,
        "latitude": station.latitude,
        "longitude": station.longitude,
        "opening_hours": station.opening_hours,
        "phones": list(station.phones or ()),
        "dispute_types": terms.terms("dispute_types", station.dispute_types),
        "mediation_kinds": terms.terms("mediation_kinds", station.mediation_kinds),
        "partner_agencies": terms.terms("partner_agencies", station.partner_agencies),
    }


def published_stations(**query):
    return [
        brain.getObject()
        for brain in api.content.find(portal_type="ServiceStation", review_state="published", **query)
    ]


def distance_km(station, point):
    if station.latitude is None or station.longitude is None:
        return None
    return round(haversine_km(point[0], point[1], station.latitude, station.longitude), 2)


class StationsGet(JsonService):
    def answer(self):
        terms = Terms()
        query = {}
        for parameter, index, list_name in (
            ("district", "district", "districts"),
            ("level", "level", "station_levels"),
        ):
            code = self.code_param(parameter, terms, list_name)
            if code:
                query[index] = code
        near = self.param("near")
        point = parse_point(near) if near else None

        stations = published_stations(**query)
        districts, levels = terms.codes("districts"), terms.codes("station_levels")

        def order(station):
            return (
                districts.index(station.district) if station.district in districts else len(districts),
                levels.index(station.level) if station.level in levels else len(levels),
                station.title or "",
            )

        stations.sort(key=order)
        items = [serialize_station(station, terms) for station in stations]
        if point is not None:
            for item, station in zip(items, stations):
                item["distance_km"] = distance_km(station, point)
            items.sort(key=lambda item: (item["distance_km"] is None, item["distance_km"] or 0))
        self.public()
        return {"@id": self.request.getURL(), "items": items, "items_total": len(items)}
