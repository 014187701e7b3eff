"""The demo's year and Beijing time: when cases arrive and move on."""

from datetime import datetime
from datetime import timedelta

import chinese_calendar
import pytz


YEAR = 2026
TIMEZONE = pytz.timezone("Asia/Shanghai")


def workday(moment):
    """The same hour on the next working day (Chinese official calendar, 调休 included)."""
    while not chinese_calendar.is_workday(moment.date()):
        moment += timedelta(days=1)
    return moment


def at(day, hour, minute):
    """Beijing time ``hour:minute`` on day ``day`` of the demo year (0 is 1 January)."""
    return TIMEZONE.localize(datetime(YEAR, 1, 1, hour, minute) + timedelta(days=day))
