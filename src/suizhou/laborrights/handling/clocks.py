"""Statutory clocks (法定办理时限): one clock per stage of a case, counted from the registry's
numbers in calendar days or in working days of the official holiday calendar.

Counting follows the rules of procedure: the day a period starts is not counted; a period in
calendar days whose last day is a holiday or rest day ends on the next working day (when
``deadline_rolls_over_holidays`` is on); a period in working days counts only working days,
make-up working days (调休上班) included. While a clock is paused (补正, waiting for the
applicant), no day counts: the days after the pause up to and including the resumption are
left out.

Working days come from ``holidays.HolidayCalendar`` (the ``chinesecalendar`` package, the
year's arrangement entered by the administrator, the statutory holidays as a fallback). A
date counted with the fallback makes the clock say so (``ClockStatus.warnings``).

The clocks of a case are kept in its annotations, oldest first; at most one runs at a time.
Its due date and stage are indexed (``due_date``, ``stage``) for the worklists.
"""

from collections import namedtuple
from persistent import Persistent
from persistent.list import PersistentList
from suizhou.laborrights import _
from suizhou.laborrights.handling import events
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.handling.history import record
from suizhou.laborrights.handling.holidays import HolidayCalendar
from suizhou.laborrights.handling.holidays import unknown_years_warning
from suizhou.laborrights.handling.periods import count_due
from suizhou.laborrights.handling.periods import ROUTE_STAGES
from suizhou.laborrights.handling.periods import route_start
from suizhou.laborrights.handling.periods import setting
from suizhou.laborrights.handling.periods import STAGES
from suizhou.laborrights.handling.periods import to_date
from suizhou.laborrights.handling.periods import today
from zope.annotation.interfaces import IAnnotations
from zope.event import notify


ANNOTATION_KEY = "suizhou.laborrights.clocks"

# --- A stage's clock ---------------------------------------------------------------------


class StageClock(Persistent):
    """The clock of one stage of one case. The numbers are taken from the registry when it
    starts: a later change of the settings does not move a running deadline."""

    # The procedural event it counts anew from (``procedure.KINDS``: 补正材料收到, 追加当事人 …),
    # or None when it counts from the stage's own start (``Stage.counts_from``).
    start_event = None

    def __init__(self, stage, start, days, working):
        self.stage = stage
        self.start = start
        self.days = days
        self.working = working
        self.pauses = ()
        self.paused_since = None
        self.pause_reason = ""
        self.extension_days = 0
        self.extension_approved_by = ""
        self.stopped = None
        self.warned = ()  # ("due_soon"|"overdue", due) already announced by the sweep
        self.due_date = None  # kept by refresh(): what is indexed

    def refresh(self, calendar=None):
        """Compute and keep the due date (indexed without asking the registry again: the
        catalog may index at commit time, when no site is set). Returns True if it moved."""
        due = self.due(calendar) if self.running else None
        moved = due != self.due_date
        self.due_date = due
        return moved

    @property
    def running(self):
        return self.stopped is None

    @property
    def paused(self):
        return self.paused_since is not None

    def due(self, calendar=None):
        """The due date, or None while paused (it is not known until the clock resumes)."""
        if self.paused:
            return None
        return count_due(
            self.start,
            self.days + self.extension_days,
            self.working,
            self.pauses,
            calendar,
            roll_over=bool(setting("deadline_rolls_over_holidays", True)),
        )


ClockStatus = namedtuple(
    "ClockStatus",
    ("clock", "stage", "title", "due", "days_left", "overdue", "due_soon", "paused", "warnings"),
)


def status(clock, on=None):
    """What a person needs to know of a clock on a day (default: today)."""
    on = on or today()
    calendar = HolidayCalendar()
    due = clock.due(calendar) if clock.running else None
    warnings = []
    if calendar.unknown_dates:
        warnings.append(unknown_years_warning(calendar.unknown_dates))
    days_left = (due - on).days if due else None
    soon = setting("due_soon_days", 3) or 0
    return ClockStatus(
        clock=clock,
        stage=clock.stage,
        title=STAGES[clock.stage].title,
        due=due,
        days_left=days_left,
        overdue=due is not None and on > due,
        due_soon=due is not None and 0 <= days_left <= soon,
        paused=clock.paused,
        warnings=tuple(warnings),
    )


# --- The clocks of a case ----------------------------------------------------------------


def clocks(case):
    """All clocks of the case, oldest first."""
    return tuple(IAnnotations(case).get(ANNOTATION_KEY, ()))


def current(case):
    """The running clock, or None."""
    for clock in reversed(clocks(case)):
        if clock.running:
            return clock
    return None


def latest(case):
    found = clocks(case)
    return found[-1] if found else None


def _store(case):
    annotations = IAnnotations(case)
    stored = annotations.get(ANNOTATION_KEY)
    if stored is None:
        stored = annotations[ANNOTATION_KEY] = PersistentList()
    return stored


def _reindex(case):
    case.reindexObject(idxs=["due_date", "stage"])


def _due_details(clock):
    calendar = HolidayCalendar()
    due = clock.due(calendar)
    details = {"stage": clock.stage, "due": due}
    if calendar.unknown_dates:
        details["calendar_unknown_years"] = tuple(sorted({d.year for d in calendar.unknown_dates}))
    return details


def start(case, stage, when=None, comment="", since=None):
    """Start the clock of ``stage`` (stopping the running one on ``when``) and return it.

    ``since``: the day the period counts from when the law names an earlier one than the
    event that starts the clock (``route_start``: the receipt of the application); by default
    ``when``. Starting the stage that already runs does nothing. Moving from one stage to
    another fires ``CaseTransferred``.
    """
    running = current(case)
    if running is not None and running.stage == stage:
        return running
    definition = STAGES[stage]
    day = to_date(when)
    previous = None
    if running is not None:
        previous = running.stage
        _stop(case, running, day, comment)
    first = to_date(since) if since is not None else day
    clock = StageClock(stage, first, int(setting(definition.days_record)), definition.working)
    clock.refresh()
    _store(case).append(clock)
    record(case, "clock_started", comment, start=first, days=clock.days, working=clock.working,
           **_due_details(clock))
    _reindex(case)
    if previous is not None:
        notify(events.CaseTransferred(case, previous, stage, comment))
    return clock


def _stop(case, clock, day, comment=""):
    if clock.paused:
        clock.pauses = clock.pauses + ((clock.paused_since, max(day, clock.paused_since)),)
        clock.paused_since = None
    clock.stopped = day
    clock.refresh()
    record(case, "clock_stopped", comment, stage=clock.stage, stopped=day)


def stop(case, when=None, comment=""):
    """Stop the running clock (the case is closed, or leaves its statutory route)."""
    clock = current(case)
    if clock is None:
        return None
    _stop(case, clock, to_date(when), comment)
    _reindex(case)
    return clock


def advance(case, when=None, comment=""):
    """Move to the next stage of the running clock (e.g. arbitration accepted → award)."""
    clock = current(case)
    if clock is None or not STAGES[clock.stage].next:
        raise Refused(_("refused_no_next_stage", default="当前阶段没有下一办理阶段。"))
    return start(case, STAGES[clock.stage].next, when, comment)


def pause(case, reason, when=None):
    """Pause the running clock while waiting for the applicant (补正)."""
    clock = current(case)
    if clock is None:
        raise Refused(_("refused_no_running_clock", default="该事项没有正在计算的办理期限。"))
    if clock.paused:
        raise Refused(_("refused_already_paused", default="办理期限已在暂停中。"))
    if not (reason or "").strip():
        raise Refused(_("refused_pause_needs_reason", default="暂停计时须说明理由（如：等待申请人补正材料）。"))
    day = to_date(when)
    if day < clock.start:
        raise Refused(_("refused_pause_before_start", default="暂停日期不能早于期限起算日。"))
    clock.paused_since = day
    clock.pause_reason = reason.strip()
    clock.refresh()
    record(case, "clock_paused", reason, stage=clock.stage, paused=day)
    _reindex(case)
    return clock


def resume(case, comment="", when=None):
    """Resume a paused clock; the due date moves by the days it was paused."""
    clock = current(case)
    if clock is None or not clock.paused:
        raise Refused(_("refused_not_paused", default="办理期限没有暂停，无需恢复。"))
    day = to_date(when)
    if day < clock.paused_since:
        raise Refused(_("refused_resume_before_pause", default="恢复日期不能早于暂停日期。"))
    clock.pauses = clock.pauses + ((clock.paused_since, day),)
    clock.paused_since = None
    clock.refresh()
    record(case, "clock_resumed", comment, resumed=day, **_due_details(clock))
    _reindex(case)
    return clock


def extend(case, approved_by, reason, when=None):
    """Extend the running clock once, by the registry's number, with the approval recorded."""
    clock = current(case)
    if clock is None:
        raise Refused(_("refused_no_running_clock", default="该事项没有正在计算的办理期限。"))
    definition = STAGES[clock.stage]
    if not definition.extension_record:
        raise Refused(_("refused_no_extension", default="该办理阶段依法不能延期。"))
    if clock.extension_days:
        raise Refused(_("refused_extended_once", default="该办理阶段已延期一次，不能再次延期。"))
    if not (approved_by or "").strip():
        raise Refused(
            _("refused_extension_needs_approval", default="延期须经批准：请填写批准人及批准情况。")
        )
    if not (reason or "").strip():
        raise Refused(_("refused_extension_needs_reason", default="请填写延期理由。"))
    clock.extension_days = int(setting(definition.extension_record))
    clock.extension_approved_by = approved_by.strip()
    clock.refresh()
    record(
        case,
        "clock_extended",
        reason,
        approved_by=clock.extension_approved_by,
        extension_days=clock.extension_days,
        extended=to_date(when),
        **_due_details(clock),
    )
    _reindex(case)
    notify(events.ClockExtended(case, clock.stage, clock.due_date, clock.extension_approved_by, reason.strip()))
    return clock


def recount_from_receipt(case):
    """Upgrade 1009: a route's first clock that was counted from routing counts from the
    receipt of the application or complaint (a transfer from mediation keeps its day).
    Returns True if the clock moved."""
    clock = current(case)
    if clock is None or clock.stage not in ROUTE_STAGES.values():
        return False
    transferred = any(
        entry.action == "transfer" and dict(entry.details).get("to_stage") == clock.stage
        for entry in entries(case)
    )
    first = route_start(case)
    if transferred or first >= clock.start:
        return False
    clock.start = first
    clock.refresh()
    record(case, "clock_recounted", actor="system", start=first, **_due_details(clock))
    _reindex(case)
    return True


# --- The daily sweep ---------------------------------------------------------------------


def refresh(case):
    """Recompute the running clock's due date (after the holiday calendar or its overrides
    changed); reindexes the case when it moved. Returns True if it did."""
    clock = current(case)
    if clock is None or not clock.refresh():
        return False
    _reindex(case)
    return True


def announce(case, on=None):
    """Fire ``CaseDueSoon`` / ``CaseOverdue`` for the running clock, once per due date each.

    Called by the daily sweep (``sweep.py``); returns the kind announced or None.
    """
    clock = current(case)
    if clock is None:
        return None
    info = status(clock, on)
    kind = "overdue" if info.overdue else "due_soon" if info.due_soon else None
    if kind is None or (kind, info.due) in clock.warned:
        return None
    clock.warned = clock.warned + ((kind, info.due),)
    record(case, kind, actor="system", stage=clock.stage, due=info.due)
    event = events.CaseOverdue if kind == "overdue" else events.CaseDueSoon
    notify(event(case, clock.stage, info.due))
    return kind
