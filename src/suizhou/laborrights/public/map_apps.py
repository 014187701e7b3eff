"""“在手机地图中打开”: a station in 高德, 百度 and 腾讯 maps, and the datums they need.

Stations store WGS-84 positions (as phones and 天地图 give them). Chinese map services use
shifted datums: 高德 and 腾讯 GCJ-02, 百度 BD-09 (GCJ-02 shifted again); a WGS-84 position shown
as is lands a few hundred metres off, so each link carries the position converted.

Each link is the service's web URI (https): it works in every browser, in WeChat (which blocks
other apps' schemes) and in iOS Safari (where an unknown scheme raises an error dialog), and the
service's page opens its app when installed. ``app`` is the app's own URI scheme, which the
station script tries first on Android outside WeChat, falling back to the web URI.
"""

from urllib.parse import quote
from urllib.parse import urlencode

import math


SOURCE = "suizhou.laborrights"  # the caller name the services ask for (src, referer)

# Krasovsky 1940, as the GCJ-02 algorithm uses it.
_A = 6378245.0
_EE = 0.00669342162296594323


def in_china(lat, lon):
    """Whether GCJ-02 shifts this position (outside China it is WGS-84 unchanged)."""
    return 0.8293 <= lat <= 55.8271 and 72.004 <= lon <= 137.8347


def _shift_lat(x, y):
    result = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    result += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    result += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    result += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return result


def _shift_lon(x, y):
    result = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    result += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    result += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    result += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return result


def wgs84_to_gcj02(lat, lon):
    """(lat, lon) in GCJ-02, the datum of 高德 and 腾讯 maps."""
    if not in_china(lat, lon):
        return lat, lon
    dlat = _shift_lat(lon - 105.0, lat - 35.0)
    dlon = _shift_lon(lon - 105.0, lat - 35.0)
    radlat = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(radlat) ** 2
    sqrtmagic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrtmagic) * math.pi)
    dlon = (dlon * 180.0) / (_A / sqrtmagic * math.cos(radlat) * math.pi)
    return lat + dlat, lon + dlon


def gcj02_to_bd09(lat, lon):
    """(lat, lon) in BD-09, the datum of 百度 maps."""
    x_pi = math.pi * 3000.0 / 180.0
    z = math.sqrt(lon * lon + lat * lat) + 0.00002 * math.sin(lat * x_pi)
    theta = math.atan2(lat, lon) + 0.000003 * math.cos(lon * x_pi)
    return z * math.sin(theta) + 0.006, z * math.cos(theta) + 0.0065


def _point(lat, lon):
    return f"{lat:.6f}", f"{lon:.6f}"


def map_app_links(title, address, lat, lon):
    """[{name, url, app}] to show a station (WGS-84 ``lat``, ``lon``) in the map apps."""
    glat, glon = _point(*wgs84_to_gcj02(lat, lon))
    blat, blon = _point(*gcj02_to_bd09(*wgs84_to_gcj02(lat, lon)))
    amap = {"sourceApplication": SOURCE, "poiname": title, "lat": glat, "lon": glon, "dev": "0"}
    amap_web = {"position": f"{glon},{glat}", "name": title, "src": SOURCE, "coordinate": "gaode", "callnative": "1"}
    baidu = {"location": f"{blat},{blon}", "title": title, "content": address, "coord_type": "bd09ll", "src": SOURCE}
    qq_marker = f"coord:{glat},{glon};title:{title};addr:{address}"
    return [
        {
            "name": "高德地图",
            "url": "https://uri.amap.com/marker?" + urlencode(amap_web),
            "app": "androidamap://viewMap?" + urlencode(amap, quote_via=quote),
        },
        {
            "name": "百度地图",
            "url": "https://api.map.baidu.com/marker?" + urlencode({**baidu, "output": "html"}),
            "app": "baidumap://map/marker?" + urlencode(baidu, quote_via=quote),
        },
        {
            "name": "腾讯地图",
            "url": "https://apis.map.qq.com/uri/v1/marker?" + urlencode({"marker": qq_marker, "referer": SOURCE}),
            "app": "qqmap://map/marker?" + urlencode({"marker": qq_marker, "referer": SOURCE}, quote_via=quote),
        },
    ]
