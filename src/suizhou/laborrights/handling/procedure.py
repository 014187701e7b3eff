"""Procedural events of a case (程序事项) that pause a period or make it count anew.

《劳动人事争议仲裁办案规则》第四十六条 says how the arbitration periods are counted when the
procedure changes: materials to be supplemented (补正) — the application counts as received on
the day the materials arrive; claims added or changed, a counter-application joined — the
period counts anew from the day they are accepted; suspension (中止) — the days do not count.
A party added (追加当事人) is handled as a change of the application: the period counts anew.
The inspection filing period (5 working days) is handled the same way for 补正.

Each event is recorded in the case's history (who, when, what) and fired as an event of its own
(``events.ISupplementRequested`` …, all ``events.ICaseProcedureEvent``), so that notices and
other rules can follow it. ``record_event`` is the one entry point (the handler's form
``@@procedure-event`` calls it).
"""

from collections import namedtuple
from suizhou.laborrights import _
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import events
from suizhou.laborrights.handling import periods
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.handling.history import record
from suizhou.laborrights.i18n import zh
from zope.event import notify


PAUSE = "pause"
RESTART = "restart"

ARBITRATION = ("arbitration_acceptance", "arbitration_award")
ACCEPTANCE = ("arbitration_acceptance", "inspection_filing")

Procedure = namedtuple("Procedure", ("kind", "title", "effect", "stages", "counts_from", "basis", "event"))

KINDS = {
    procedure.kind: procedure
    for procedure in (
        Procedure(
            "supplement_requested",
            _("procedure_supplement_requested", default="通知补正材料"),
            PAUSE,
            ACCEPTANCE,
            None,
            _("procedure_basis_supplement", default="《劳动人事争议仲裁办案规则》第四十六条第（一）项"),
            events.SupplementRequested,
        ),
        Procedure(
            "supplement_received",
            _("procedure_supplement_received", default="收到补正材料"),
            RESTART,
            ACCEPTANCE,
            _("counts_from_supplement", default="自收到补正材料之日起重新计算"),
            _("procedure_basis_supplement", default="《劳动人事争议仲裁办案规则》第四十六条第（一）项"),
            events.SupplementReceived,
        ),
        Procedure(
            "party_added",
            _("procedure_party_added", default="追加当事人"),
            RESTART,
            ARBITRATION,
            _("counts_from_party_added", default="自追加当事人之日起重新计算"),
            _("procedure_basis_claim_changed", default="《劳动人事争议仲裁办案规则》第四十六条第（二）项"),
            events.PartyAdded,
        ),
        Procedure(
            "claim_changed",
            _("procedure_claim_changed", default="增加、变更仲裁请求"),
            RESTART,
            ARBITRATION,
            _("counts_from_claim_changed", default="自受理增加、变更仲裁请求之日起重新计算"),
            _("procedure_basis_claim_changed", default="《劳动人事争议仲裁办案规则》第四十六条第（二）项"),
            events.ClaimChanged,
        ),
        Procedure(
            "counter_application",
            _("procedure_counter_application", default="受理反申请（合并审理）"),
            RESTART,
            ARBITRATION,
            _("counts_from_counter_application", default="自受理反申请之日起重新计算"),
            _("procedure_basis_counter", default="《劳动人事争议仲裁办案规则》第四十六条第（三）项"),
            events.CounterApplicationFiled,
        ),
        Procedure(
            "suspended",
            _("procedure_suspended", default="中止审理"),
            PAUSE,
            tuple(periods.STAGES),
            None,
            _("procedure_basis_suspended", default="《劳动人事争议仲裁办案规则》第四十六条第（五）项"),
            events.CaseSuspended,
        ),
    )
}


def counts_from(clock):
    """What a clock that was restarted by a procedural event counts from, or None."""
    procedure = KINDS.get(getattr(clock, "start_event", None))
    return procedure.counts_from if procedure is not None else None


def applicable(case):
    """The kinds that may be recorded now (the running clock's stage allows them)."""
    clock = clocks.current(case)
    if clock is None:
        return ()
    return tuple(kind for kind, procedure in KINDS.items() if clock.stage in procedure.stages)


def record_event(case, kind, comment="", when=None, supply="", supply_by=None):
    """Record procedural event ``kind`` on ``when`` (a date; default today), move the running
    clock as the rules say and fire the kind's event. Returns the clock it moved.

    ``supply`` and ``supply_by`` (a date): what the applicant is to supply and by when (补正).
    """
    procedure = KINDS.get(kind)
    if procedure is None:
        raise Refused(_("refused_procedure_unknown", default="请选择程序事项。"))
    clock = clocks.current(case)
    if clock is None or clock.stage not in procedure.stages:
        raise Refused(
            _("refused_procedure_stage", default="当前办理阶段不适用该程序事项（须有相应的办理期限正在计算）。")
        )
    day = periods.to_date(when)
    comment = (comment or "").strip()
    details = {}
    if kind == "supplement_requested":
        if not (supply or "").strip():
            raise Refused(_("refused_supplement_needs_list", default="请写明需要补正的材料。"))
        if supply_by is None or supply_by < day:
            raise Refused(_("refused_supplement_needs_date", default="请填写补正期限（不早于通知日期）。"))
        details = {"supply": supply.strip(), "supply_by": supply_by}
    if day < clock.start or (clock.paused and day < clock.paused_since):
        raise Refused(_("refused_procedure_before_start", default="程序事项日期不能早于期限起算日或暂停日。"))
    if procedure.effect == PAUSE and clock.paused:
        raise Refused(_("refused_already_paused", default="办理期限已在暂停中。"))

    record(case, kind, comment, stage=clock.stage, event_day=day, **details)
    if procedure.effect == PAUSE:
        reason = details.get("supply") or comment or zh(procedure.title)
        moved = clocks.pause(case, reason, when=day)
    else:
        stage = clock.stage
        clocks.stop(case, when=day, comment=comment)
        moved = clocks.start(case, stage, when=day, comment=comment)
        moved.start_event = kind
    notify(procedure.event(case, kind, day, comment, moved.stage, details))
    return moved
