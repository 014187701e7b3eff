"""The holiday calendar (法定节假日与调休): which days are working days.

Asked about a day, the first source that knows it answers:

1. the administrator's corrections, ``statutory.calendar_overrides`` lines
   (``2026-03-09|holiday|说明``);
2. the year's official arrangement (the State Council's notice) entered in the holiday
   control panel, one year at a time: days off and make-up working days (调休上班),
   records ``holidays.days_off`` and ``holidays.working_days``;
3. the ``chinesecalendar`` package, for the years it knows (``PACKAGE_FIRST_YEAR`` to
   ``PACKAGE_LAST_YEAR``);
4. for any other year, the statutory holidays of 《全国年节及纪念日放假办法》 (as revised in
   2024, in force since 2025; 13 days): 元旦 1 (1 January), 春节 4 (除夕 and 正月初一至初三),
   清明节 1 (the day of the solar term), 劳动节 2 (1–2 May), 端午节 1 (五月初五), 中秋节 1
   (八月十五), 国庆节 3 (1–3 October); a statutory holiday on a Saturday or Sunday is made up
   on the next working day (补假). Lunar dates and the solar term come from ``lunar-python``.
   Other days are Monday–Friday. The make-up working days of such a year are not known.

A year is *entered* when its arrangement has both days off and make-up working days; until
then a date in a year outside the package's is counted with the fallback and collected in
``HolidayCalendar.unknown_dates``, and staff see ``unknown_years_warning``.
"""

from plone import api
from suizhou.laborrights import _

import chinese_calendar
import datetime
import functools
import lunar_python


PREFIX = "suizhou.laborrights.holidays"
OVERRIDES_RECORD = "suizhou.laborrights.statutory.calendar_overrides"
ONE_DAY = datetime.timedelta(days=1)


def _package_years():
    years = {day.year for day in chinese_calendar.holidays} | {
        day.year for day in chinese_calendar.workdays
    }
    return min(years), max(years)


PACKAGE_FIRST_YEAR, PACKAGE_LAST_YEAR = _package_years()


# --- The statutory fallback --------------------------------------------------------------


def _lunar(year, month, day):
    solar = lunar_python.Lunar.fromYmd(year, month, day).getSolar()
    return datetime.date(solar.getYear(), solar.getMonth(), solar.getDay())


def _qingming(year):
    # The solar terms of the lunar year that holds April (always after Spring Festival).
    solar = lunar_python.Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()["清明"]
    return datetime.date(solar.getYear(), solar.getMonth(), solar.getDay())


@functools.lru_cache(maxsize=64)
def statutory_holidays(year):
    """{date: name} of the statutory days off of ``year`` (the fallback), 补假 included."""
    new_year = _lunar(year, 1, 1)
    days = {datetime.date(year, 1, 1): "元旦"}
    for day in (new_year - ONE_DAY, new_year, new_year + ONE_DAY, new_year + 2 * ONE_DAY):
        days[day] = "春节"
    days[_qingming(year)] = "清明节"
    days[datetime.date(year, 5, 1)] = days[datetime.date(year, 5, 2)] = "劳动节"
    days[_lunar(year, 5, 5)] = "端午节"
    days[_lunar(year, 8, 15)] = "中秋节"
    for day in range(1, 4):
        days[datetime.date(year, 10, day)] = "国庆节"
    for day, name in sorted(days.items()):
        if day.weekday() >= 5:
            substitute = day + ONE_DAY
            while substitute.weekday() >= 5 or substitute in days:
                substitute += ONE_DAY
            days[substitute] = f"{name}补假"
    return {day: name for day, name in sorted(days.items()) if day.year == year}


# --- The administrator's lines -----------------------------------------------------------


def parse_overrides(lines):
    """``2027-10-01|holiday|国庆节`` lines -> {date: is_workday}; bad lines are skipped."""
    overrides = {}
    for line in lines or ():
        parts = [part.strip() for part in line.split("|")]
        if len(parts) < 2:
            continue
        try:
            day = datetime.date.fromisoformat(parts[0])
        except ValueError:
            continue
        if parts[1] in ("holiday", "workday"):
            overrides[day] = parts[1] == "workday"
    return overrides


def parse_day_line(line):
    """``2027-02-05|春节`` or ``2027-02-05~2027-02-11|春节`` -> ([dates], note).

    Raises ValueError for a line that is not a date or a range (at most 31 days)."""
    when, _sep, note = line.partition("|")
    first, _sep, last = when.strip().replace("至", "~").partition("~")
    first = datetime.date.fromisoformat(first.strip())
    last = datetime.date.fromisoformat(last.strip()) if last.strip() else first
    if not 0 <= (last - first).days <= 31:
        raise ValueError(line)
    return [first + n * ONE_DAY for n in range((last - first).days + 1)], note.strip()


def parse_days(lines):
    """{date: note} from arrangement lines; bad lines are skipped (the form refuses them)."""
    days = {}
    for line in lines or ():
        if not line.strip():
            continue
        try:
            dates, note = parse_day_line(line)
        except ValueError:
            continue
        for day in dates:
            days[day] = note
    return days


def line_years(line):
    """The years a line is about (for the form that shows one year)."""
    try:
        dates, _note = parse_day_line(line)
    except ValueError:
        return set()
    return {day.year for day in dates}


class Arrangement:
    """The official arrangements entered by the administrator, all years."""

    def __init__(self, days_off=None, working_days=None):
        if days_off is None:
            days_off = api.portal.get_registry_record(f"{PREFIX}.days_off", default=()) or ()
        if working_days is None:
            working_days = (
                api.portal.get_registry_record(f"{PREFIX}.working_days", default=()) or ()
            )
        self.days_off = parse_days(days_off)
        self.working_days = parse_days(working_days)

    def entered(self, year):
        """Both parts of the year's arrangement are there."""
        return any(day.year == year for day in self.days_off) and any(
            day.year == year for day in self.working_days
        )


# --- The calendar ------------------------------------------------------------------------


class HolidayCalendar:
    """Working days of the official calendar, with the administrator's arrangements and
    corrections. ``unknown_dates`` collects the dates asked about in years neither the
    package nor an entered arrangement covers (counted with the statutory fallback)."""

    def __init__(self, overrides=None, arrangement=None):
        if overrides is None:
            lines = api.portal.get_registry_record(OVERRIDES_RECORD, default=())
            overrides = parse_overrides(lines)
        self.overrides = overrides
        self.arrangement = arrangement if arrangement is not None else Arrangement()
        self.unknown_dates = []

    def knows(self, day):
        return (
            PACKAGE_FIRST_YEAR <= day.year <= PACKAGE_LAST_YEAR
            or self.arrangement.entered(day.year)
        )

    def is_workday(self, day):
        if day in self.overrides:
            return self.overrides[day]
        if day in self.arrangement.working_days:
            return True
        if day in self.arrangement.days_off:
            return False
        if self.arrangement.entered(day.year):
            return day.weekday() < 5
        try:
            return chinese_calendar.is_workday(day)
        except NotImplementedError:
            self.unknown_dates.append(day)
            return day.weekday() < 5 and day not in statutory_holidays(day.year)


def unknown_years_warning(dates):
    """The staff warning for dates counted with the statutory fallback."""
    years = sorted({day.year for day in dates})
    return _(
        "warning_holiday_arrangement_not_entered",
        default="注意：${years}年的国务院节假日安排尚未录入，期限暂按法定节日"
        "（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节）和周一至周五推算，"
        "未计调休上班日，可能不准确；请管理员在“节假日安排”设置中录入当年的放假日期和调休上班日期。",
        mapping={"years": "、".join(str(year) for year in years)},
    )
