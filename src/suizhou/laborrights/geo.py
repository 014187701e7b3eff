"""Distances between places given as latitude and longitude (WGS-84, as phones report)."""

from suizhou.laborrights import _
from suizhou.laborrights.restapi.errors import bad_request

import math


EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1, lon1, lat2, lon2):
    """The great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def parse_point(value, parameter="near"):
    """'31.69,113.38' -> (31.69, 113.38); raises a 400 ApiError naming ``parameter``."""
    try:
        lat, lon = (float(part) for part in str(value).split(","))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat + lon):
            raise ValueError(value)
    except ValueError:
        raise bad_request(
            {parameter: _("api_error_point", default="坐标格式应为“纬度,经度”，如 31.69,113.38。")}
        ) from None
    return lat, lon
