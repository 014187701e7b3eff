"""Station finder (district → township → stations, as a list and on a map, nearest first),
the station page with its QR code, and the district page.

The finder's page carries the list; the map's markers come from ``@@station-map.json`` (the
same filters, fetched by the map script), so the page stays light and works without scripts,
and the marker data is cached on its own.

Only published stations are listed, and only their public fields are used: a station's staff
e-mail address never reaches these pages.
"""

from plone import api
from Products.Five.browser import BrowserView
from suizhou.laborrights import _
from suizhou.laborrights import settings
from suizhou.laborrights.cases.closure import resolution_counts
from suizhou.laborrights.folders import STATIONS_ID
from suizhou.laborrights.geo import haversine_km
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.public.icons import icon
from suizhou.laborrights.public.map_apps import map_app_links
from suizhou.laborrights.public.map_apps import wgs84_to_gcj02
from suizhou.laborrights.public.mediators import mediator_cards
from suizhou.laborrights.public.page import PublicPage
from suizhou.laborrights.public.utils import format_distance
from suizhou.laborrights.public.utils import options
from suizhou.laborrights.public.utils import parse_float
from suizhou.laborrights.public.utils import pinyin_key
from suizhou.laborrights.public.utils import site_link
from suizhou.laborrights.public.utils import titles
from suizhou.laborrights.resources import theme_url
from suizhou.laborrights.vocabularies import registry_terms
from urllib.parse import urlencode
from zope.component import queryUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory

import io
import json
import qrcode
import qrcode.constants


def level_order():
    return {code: index for index, (code, _title) in enumerate(registry_terms("station_levels"))}


def station_info(station, districts=None, levels=None):
    """The public facts of a station as a dict (for lists, the map and the station page)."""
    districts = districts if districts is not None else dict(registry_terms("districts"))
    levels = levels if levels is not None else dict(registry_terms("station_levels"))
    has_position = station.latitude is not None and station.longitude is not None
    return {
        "uid": station.UID(),
        "title": station.Title(),
        "url": station.absolute_url(),
        "description": station.Description(),
        "level": station.level,
        "level_title": levels.get(station.level, ""),
        "district": station.district,
        "district_title": districts.get(station.district, ""),
        "township": station.township or "",
        "village": station.village or "",
        "host_name": station.host_name or "",
        "host_type": station.host_type or "",
        "address": station.address or "",
        "opening_hours": station.opening_hours or "",
        "phones": list(station.phones or ()),
        "latitude": station.latitude if has_position else None,
        "longitude": station.longitude if has_position else None,
        "dispute_types": list(station.dispute_types or ()),
        "handles": titles("dispute_types", station.dispute_types),
    }


def published_stations(**query):
    """Published stations as dicts, in level order then pinyin order of their names."""
    districts = dict(registry_terms("districts"))
    levels = dict(registry_terms("station_levels"))
    stations = [
        station_info(brain.getObject(), districts, levels)
        for brain in api.content.find(portal_type="ServiceStation", review_state="published", **query)
    ]
    order = level_order()
    stations.sort(key=lambda s: (order.get(s["level"], 99), pinyin_key(s["title"])))
    return stations


def tel(number):
    """The tel: URI of a phone number as written (0722-3200101 → tel:0722-3200101)."""
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch in "+-")


def on_tiles(lat, lon):
    """A stored (WGS-84) position in the datum of the configured tiles: GCJ-02 tiles (高德,
    腾讯) would show it a few hundred metres off."""
    if settings.setting("public", "map_tile_datum") == "gcj02" and settings.setting("public", "map_tile_url"):
        lat, lon = wgs84_to_gcj02(lat, lon)
    return [round(lat, 6), round(lon, 6)]


def map_markers(stations):
    """The map's markers of the stations that have a position."""
    markers = []
    for s in stations:
        if s["latitude"] is None:
            continue
        lat, lon = on_tiles(s["latitude"], s["longitude"])
        markers.append(
            {
                "title": s["title"],
                "url": s["url"],
                "address": s["address"],
                "level": s["level"],
                "level_title": s["level_title"],
                "lat": lat,
                "lon": lon,
            }
        )
    return markers


def map_config(here=None, **markers):
    """What the map script needs, as JSON: tiles (may be empty) with their label layer and
    subdomains, centre, the visitor's position, and the markers: ``stations`` (a list) or
    ``stations_url`` (where to fetch them). Positions are in the datum of the tiles."""
    tiles = settings.setting("public", "map_tile_url") or ""
    config = {
        "tiles": tiles,
        "labels": (settings.setting("public", "map_label_tile_url") or "") if tiles else "",
        "subdomains": settings.setting("public", "map_tile_subdomains") or "abc",
        "attribution": settings.setting("public", "map_attribution") or "",
        "center": on_tiles(
            settings.setting("public", "map_center_latitude"),
            settings.setting("public", "map_center_longitude"),
        ),
        "zoom": settings.setting("public", "map_zoom"),
        "here": on_tiles(*here) if here else None,
    }
    config.update(markers)
    return json.dumps(config, ensure_ascii=False)


# The finder's filters in the order of its form (and of the map data's query string).
FILTERS = ("district", "township", "level", "dispute_type", "host_type")


class StationFinder(PublicPage):
    """The layout of the stations folder: filters, the list (grouped or nearest first), a map."""

    fixed_district = None  # the district page shows one district's stations

    def update(self):
        form = self.request.form
        self.district = self.fixed_district or self._choice(form.get("district"), "districts")
        self.township = (form.get("township") or "").strip()
        self.level = self._choice(form.get("level"), "station_levels")
        self.dispute_type = self._choice(form.get("dispute_type"), "dispute_types")
        self.host_type = self._choice(form.get("host_type"), "host_types")
        lat = parse_float(form.get("lat"), -90.0, 90.0)
        lon = parse_float(form.get("lon"), -180.0, 180.0)
        self.here = [lat, lon] if lat is not None and lon is not None else None

        query = {}
        if self.district:
            query["district"] = self.district
        if self.level:
            query["level"] = self.level
        if self.dispute_type:
            query["dispute_types"] = self.dispute_type
        everything = published_stations(**query)
        self.all_townships = self._townships(everything)
        stations = [
            s
            for s in everything
            if (not self.township or s["township"] == self.township)
            and (not self.host_type or s["host_type"] == self.host_type)
        ]
        if self.here:
            for station in stations:
                if station["latitude"] is not None:
                    km = haversine_km(*self.here, station["latitude"], station["longitude"])
                    station["distance"] = km
                    station["distance_text"] = format_distance(km)
            stations.sort(key=lambda s: s.get("distance", float("inf")))
        self.stations = stations

    @staticmethod
    def _choice(value, vocabulary):
        value = (value or "").strip()
        return value if value in dict(registry_terms(vocabulary)) else ""

    def _t(self, message):
        return translate(message, context=self.request)

    def _townships(self, stations):
        found = {}
        for station in stations:
            if station["township"]:
                found.setdefault(station["district"], set()).add(station["township"])
        return found

    def portal_url(self):
        return api.portal.get().absolute_url()

    def finder_url(self):
        return f"{self.portal_url()}/{STATIONS_ID}"

    def filters(self):
        return {
            "districts": options("districts", self.district),
            "levels": options("station_levels", self.level),
            "dispute_types": options("dispute_types", self.dispute_type),
            "host_types": options("host_types", self.host_type),
        }

    def township_groups(self):
        """<optgroup>s of the township select: one per district that has townships."""
        return [
            {
                "district": code,
                "title": title,
                "townships": [
                    {"value": t, "selected": t == self.township}
                    for t in sorted(self.all_townships[code], key=pinyin_key)
                ],
            }
            for code, title in registry_terms("districts")
            if code in self.all_townships
        ]

    def filtered(self):
        return any(
            (
                self.district and not self.fixed_district,
                self.township,
                self.level,
                self.dispute_type,
                self.host_type,
            )
        )

    def groups(self):
        """District → township → stations; the district's center(s) first, under the district.
        Nearest first (one group, no townships) when the visitor's position is known."""
        if self.here:
            return [
                {
                    "code": "nearest",
                    "title": None,
                    "count": len(self.stations),
                    "townships": [
                        {
                            "title": self._t(_("finder_by_distance", default="按距离由近到远")),
                            "stations": self.stations,
                        }
                    ],
                }
            ]
        own_level = self._t(_("finder_district_level", default="区县本级"))
        by_district = {}
        for station in self.stations:
            by_district.setdefault(station["district"], []).append(station)
        groups = []
        for code, title in registry_terms("districts"):
            stations = by_district.get(code)
            if not stations:
                continue
            townships = {}
            for station in stations:
                townships.setdefault(station["township"], []).append(station)
            groups.append(
                {
                    "code": code,
                    "title": title,
                    "count": len(stations),
                    "townships": [
                        {"title": name or own_level, "stations": townships[name]}
                        for name in sorted(townships, key=lambda t: (t != "", pinyin_key(t)))
                    ],
                }
            )
        return groups

    def map_data_url(self):
        """The map's markers for the filters of this page (not its position, so that every
        visitor of a list shares one cacheable URL)."""
        chosen = [
            (name, getattr(self, name))
            for name in FILTERS
            if getattr(self, name) and not (name == "district" and self.fixed_district)
        ]
        query = f"?{urlencode(chosen)}" if chosen else ""
        return f"{self.context.absolute_url()}/@@station-map.json{query}"

    def map_config(self):
        return map_config(self.here, stations_url=self.map_data_url())

    def pin_icon(self):
        return icon("stations")

    def tel(self, number):
        return tel(number)

    def leaflet_url(self):
        return f"{theme_url()}/vendor/leaflet"

    def script_url(self):
        return f"{theme_url()}/js/station-finder.js"


class DistrictView(StationFinder):
    """A district's page: its centre's address and its stations, as in the finder."""

    @property
    def fixed_district(self):
        return self.context.district or self.context.getId()

    def mediators_url(self):
        return f"{self.portal_url()}/mediators?district={self.fixed_district}"


class MapData:
    """``@@station-map.json``: the markers of the stations a finder page lists (same filters),
    for its map script."""

    def __call__(self):
        self.update()
        response = self.request.response
        response.setHeader("Content-Type", "application/json; charset=utf-8")
        return json.dumps({"stations": map_markers(self.stations)}, ensure_ascii=False)


class StationMapData(MapData, StationFinder):
    """The map data of the finder (the stations folder)."""


class DistrictMapData(MapData, DistrictView):
    """The map data of a district's page."""


class StationView(PublicPage):
    """A station's page: where, when, whom to call, who sits there, what it handles, QR code."""

    def info(self):
        return station_info(self.context)

    def partners(self):
        return titles("partner_agencies", self.context.partner_agencies)

    def resolution_levels(self):
        """How many of the matters this station handled were settled at each level (counts only)."""
        return [(zh(title), number) for title, number in resolution_counts(self.context.UID())]

    def mediation_kinds(self):
        return titles("mediation_kinds", self.context.mediation_kinds)

    def host_type(self):
        return dict(registry_terms("host_types")).get(self.context.host_type, "")

    def mediators(self):
        """Published mediators who serve here (they live in the district folders)."""
        brains = api.content.find(portal_type="Mediator", review_state="published")
        return mediator_cards([brain.getObject() for brain in brains], station=self.context.UID())

    def form_url(self):
        return station_form_url(self.context)

    def qr_url(self):
        return f"{self.context.absolute_url()}/@@filing-qr.png"

    def map_app_links(self):
        """高德/百度/腾讯 links to the station (none without a position)."""
        station = self.context
        if station.latitude is None or station.longitude is None:
            return []
        return map_app_links(station.Title(), station.address or "", station.latitude, station.longitude)

    def map_config(self):
        return map_config(stations=map_markers([self.info()]))

    def has_tiles(self):
        """A map of one station says something only on a real map (tiles configured)."""
        return bool(settings.setting("public", "map_tile_url"))

    def tel(self, number):
        return tel(number)

    def finder_url(self):
        return f"{api.portal.get().absolute_url()}/{STATIONS_ID}"

    def leaflet_url(self):
        return f"{theme_url()}/vendor/leaflet"

    def script_url(self):
        return f"{theme_url()}/js/station-finder.js"


# The filing forms' vocabulary of townships (forms/vocabularies.py): a term per township,
# titled "区县 · 乡镇", whose value is the station that serves it.
TOWNSHIPS_VOCABULARY = "suizhou.laborrights.forms.Townships"


def township_term(station):
    """The filing forms' township term of the station's township, if there is one."""
    factory = queryUtility(IVocabularyFactory, TOWNSHIPS_VOCABULARY)
    if factory is None or not station.township:
        return None
    district = dict(registry_terms("districts")).get(station.district, station.district)
    wanted = f"{district} · {station.township}"
    for term in factory(station):
        if term.title == wanted:
            return term.token
    return None


def station_form_url(station):
    """The filing form with the station's district and township chosen (and the station's UID,
    for the record): what the QR code at the station's window opens."""
    params = [("station", station.UID())]
    if station.district:
        params.append(("form.widgets.district", station.district))
    township = township_term(station)
    if township:
        params.append(("form.widgets.township", township))
    return f"{site_link(settings.setting('public', 'station_form'))}?{urlencode(params)}"


class FilingQRCode(BrowserView):
    """A PNG QR code of the station's filing-form URL, to print and hang at the window."""

    def __call__(self):
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=8, border=4)
        code.add_data(station_form_url(self.context))
        code.make(fit=True)
        data = io.BytesIO()
        code.make_image().save(data, format="PNG")
        response = self.request.response
        response.setHeader("Content-Type", "image/png")
        response.setHeader("Content-Disposition", f'inline; filename="{self.context.getId()}-qr.png"')
        return data.getvalue()
