"""Beijing time: every time the site shows or serves is Asia/Shanghai (UTC+8), whatever the
server's own time zone.

Stored times come in several kinds: the register's pytz-aware datetimes (``received``,
``routed``, ``closed``, history entries; ZODB can pickle pytz, not zoneinfo), Zope DateTimes
(creation, modification and effective dates, workflow history), plain dates (clocks) and, from
outside, naive datetimes (taken as Beijing time). ``beijing()`` turns any of them into an aware
``zoneinfo`` datetime; the formatters below are what pages, APIs, PDFs and notices use.

Zope's DateTime names the process's local zone after ``time.tzname`` when it is imported; under
``TZ=Asia/Shanghai`` that is "CST", which DateTime takes for US/Central (UTC−6): naive date strings
were read six hours off and ``CreationDate`` came out as −06:00. ``use_zone_of_environment()``
(run when this module is imported, which the package does at start-up) gives DateTime the zone
the ``TZ`` variable names.
"""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from datetime import time
from zoneinfo import ZoneInfo

import importlib
import os


TIMEZONE = "Asia/Shanghai"
SHANGHAI = ZoneInfo(TIMEZONE)


def beijing(value):
    """An aware Asia/Shanghai datetime from a DateTime, a datetime or a date (its midnight);
    None for None or an empty value."""
    if value is None or value == "":
        return None
    if isinstance(value, DateTime):
        return datetime.fromtimestamp(value.timeTime(), SHANGHAI)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=SHANGHAI)
        return value.astimezone(SHANGHAI)
    if isinstance(value, date):
        return datetime.combine(value, time(), SHANGHAI)
    raise TypeError(f"not a time: {value!r}")


def beijing_date(value):
    """The calendar day in Beijing of a time (a date stays itself)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    moment = beijing(value)
    return moment.date() if moment is not None else None


def w3c(value):
    """W3C / ISO 8601 with the +08:00 offset (“2026-03-07T10:00:00+08:00”); a date as
    “2026-03-07”; None for None."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    moment = beijing(value)
    return moment.isoformat(timespec="seconds") if moment is not None else None


def format_datetime(value):
    """“2026-03-07 10:00” (Beijing time), or "" for None."""
    moment = beijing(value)
    return f"{moment:%Y-%m-%d %H:%M}" if moment is not None else ""


def format_date(value):
    """“2026-03-07”, or "" for None."""
    day = beijing_date(value)
    return day.isoformat() if day is not None else ""


def chinese_date(value):
    """“2026年3月7日”, or "" for None."""
    day = beijing_date(value)
    return f"{day.year}年{day.month}月{day.day}日" if day is not None else ""


def chinese_datetime(value):
    """“2026年3月7日 10:00”, or "" for None."""
    moment = beijing(value)
    return f"{chinese_date(moment)} {moment:%H:%M}" if moment is not None else ""


# --- DateTime's idea of the local zone ----------------------------------------------------


def use_zone_of_environment():
    """Give Zope's DateTime (and Dexterity's default zone) the zone ``TZ`` names, when DateTime
    knows it. Without ``TZ`` (or with a zone DateTime does not know) nothing changes."""
    name = os.environ.get("TZ", "").lstrip(":")
    module = importlib.import_module("DateTime.DateTime")
    zone = module._TZINFO._zmap.get(name.lower()) if name else None
    if not zone:
        return None
    module._localzone0 = module._localzone1 = zone
    module._multipleZones = False
    dexterity = importlib.import_module("plone.dexterity.content")
    dexterity._zone = zone
    return zone


use_zone_of_environment()
