"""The periods the law sets (法定期限): each stage's period, its article and the event it counts
from, and how days are counted — the day a period starts is not counted; a period in calendar
days whose last day is a holiday or rest day ends on the next working day; a period in working
days counts only working days (``holidays.HolidayCalendar``); paused days do not count.

The clocks that run these periods on a case are ``clocks``.
"""

from collections import namedtuple
from functools import partial
from suizhou.laborrights import _
from suizhou.laborrights import settings
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.handling.holidays import HolidayCalendar
from suizhou.laborrights.timezone import beijing_date

import datetime


Stage = namedtuple(
    "Stage",
    ("code", "title", "days_record", "working", "extension_record", "next", "basis", "counts_from"),
)

# What the law counts each period from (shown on the case with the article).
FROM_RECEIPT = _("clock_from_receipt", default="自收到申请（投诉）之日起算")
FROM_ACCEPTANCE = _("clock_from_acceptance", default="自受理（立案）之日起算")

STAGES = {
    stage.code: stage
    for stage in (
        Stage(
            "mediation",
            _("stage_title_mediation", default="调解"),
            "mediation_days",
            False,
            None,
            None,
            _("clock_basis_mediation", default="《劳动争议调解仲裁法》第十四条"),
            FROM_RECEIPT,
        ),
        Stage(
            "arbitration_acceptance",
            _("stage_title_arbitration_acceptance", default="仲裁立案审查"),
            "arbitration_acceptance_days",
            False,
            None,
            "arbitration_award",
            _("clock_basis_arbitration_acceptance", default="《劳动争议调解仲裁法》第二十九条"),
            FROM_RECEIPT,
        ),
        Stage(
            "arbitration_award",
            _("stage_title_arbitration_award", default="仲裁审理"),
            "arbitration_award_days",
            False,
            "arbitration_extension_days",
            None,
            _("clock_basis_arbitration_award", default="《劳动争议调解仲裁法》第四十三条"),
            FROM_ACCEPTANCE,
        ),
        Stage(
            "inspection_filing",
            _("stage_title_inspection_filing", default="监察立案审查"),
            "inspection_filing_working_days",
            True,
            None,
            "inspection_investigation",
            _(
                "clock_basis_inspection_filing",
                default="《关于实施〈劳动保障监察条例〉若干规定》第十七条",
            ),
            FROM_RECEIPT,
        ),
        Stage(
            "inspection_investigation",
            _("stage_title_inspection_investigation", default="监察调查处理"),
            "inspection_investigation_working_days",
            True,
            "inspection_extension_working_days",
            None,
            _("clock_basis_inspection_investigation", default="《劳动保障监察条例》第十七条"),
            FROM_ACCEPTANCE,
        ),
    )
}
# The first stage of a route; routes without a statutory clock are not listed.
ROUTE_STAGES = {
    "mediation": "mediation",
    "arbitration": "arbitration_acceptance",
    "inspection": "inspection_filing",
}
# The route a stage belongs to (what the citizen's status page calls it).
STAGE_ROUTES = {
    "mediation": "mediation",
    "arbitration_acceptance": "arbitration",
    "arbitration_award": "arbitration",
    "inspection_filing": "inspection",
    "inspection_investigation": "inspection",
}


def route_start(case):
    """The day a route's first clock counts from: the receipt of the application or complaint
    (``received``), not its routing; without a receipt before routing, the routing day."""
    days = [to_date(when) for when in (case.received, case.routed) if when is not None]
    return min(days) if days else today()


# ``setting(name, default)``: the statutory settings (``suizhou.laborrights.statutory.*``).
setting = partial(settings.setting, "statutory")


def to_date(when=None):
    """A ``date`` in the site's time zone from a datetime, a date or None (today)."""
    return beijing_date(now() if when is None else when)


def today():
    return to_date(now())


def count_due(start, days, working, pauses=(), calendar=None, roll_over=True):
    """The last day of a period of ``days`` counted after ``start``.

    ``pauses``: (paused, resumed) date pairs; the days after ``paused`` up to and including
    ``resumed`` do not count.
    """
    calendar = calendar or HolidayCalendar()

    def paused(day):
        return any(first < day <= last for first, last in pauses)

    day, counted = start, 0
    while counted < days:
        day += datetime.timedelta(days=1)
        if paused(day):
            continue
        if working and not calendar.is_workday(day):
            continue
        counted += 1
    if not working and roll_over:
        while not calendar.is_workday(day):
            day += datetime.timedelta(days=1)
    return day
