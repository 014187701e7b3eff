"""The history of a case (办理记录): who did what, when and why. It can only grow.

Every workflow transition, assignment, clock event and field change is recorded here by the
handling subscribers; other parts of the add-on (intake desk, notifications, documents) add
their own entries with ``record``::

    from suizhou.laborrights.handling.history import record
    record(case, "notified", "已短信告知申请人", channel="sms")

Entries are stored as plain tuples in a ``PersistentList`` kept in the case's annotations; the
only writer is ``record`` (append), and readers get ``Entry`` named tuples (immutable). There is
no view or API that edits or removes an entry.
"""

from collections import namedtuple
from persistent.list import PersistentList
from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.cases.register import now
from zope.annotation.interfaces import IAnnotations

import datetime
import decimal


ANNOTATION_KEY = "suizhou.laborrights.history"

Entry = namedtuple("Entry", ("when", "actor", "action", "comment", "details"))
Entry.__doc__ = """One history entry. ``details`` is a tuple of (name, value) pairs."""

# The actions recorded by this package, and those the other parts are expected to record.
# An unknown action is shown by its code: record() accepts any.
ACTION_TITLES = {
    "registered": _("history_registered", default="登记"),
    "route": _("history_route", default="分办"),
    "reroute": _("history_reroute", default="改派"),
    "accept": _("history_accept", default="开始办理"),
    "send_back": _("history_send_back", default="退回"),
    "close": _("history_close", default="办结"),
    "reject": _("history_reject", default="不予受理"),
    "withdraw": _("history_withdraw", default="撤回"),
    "reopen": _("history_reopen", default="重新办理"),
    "assign": _("history_assign", default="指定承办"),
    "triage": _("history_triage", default="繁简分流"),
    "edit": _("history_edit", default="修改"),
    "mediation_session": _("history_mediation_session", default="调解记录"),
    "mediation_agreement": _("history_mediation_agreement", default="达成调解协议"),
    "transfer": _("history_transfer", default="转入下一程序"),
    "clock_started": _("history_clock_started", default="开始计时"),
    "clock_stopped": _("history_clock_stopped", default="停止计时"),
    "clock_paused": _("history_clock_paused", default="暂停计时（补正）"),
    "clock_resumed": _("history_clock_resumed", default="恢复计时"),
    "clock_extended": _("history_clock_extended", default="延长期限"),
    "clock_recounted": _("history_clock_recounted", default="重新计算期限"),
    "supplement_requested": _("history_supplement_requested", default="通知补正材料"),
    "supplement_received": _("history_supplement_received", default="收到补正材料"),
    "party_added": _("history_party_added", default="追加当事人"),
    "claim_changed": _("history_claim_changed", default="增加、变更仲裁请求"),
    "counter_application": _("history_counter_application", default="受理反申请"),
    "suspended": _("history_suspended", default="中止审理"),
    "due_soon": _("history_due_soon", default="即将到期提醒"),
    "overdue": _("history_overdue", default="已超期"),
    "notified": _("history_notified", default="通知"),
    "document": _("history_document", default="生成文书"),
    "rated": _("history_rated", default="服务评价"),
    "anonymised": _("history_anonymised", default="超过保存期限，匿名化处理"),
    "employer_notified": _("history_employer_notified", default="通知用人单位答复"),
    "employer_reply": _("history_employer_reply", default="用人单位答复"),
    "partner_transfer": _("history_partner_transfer", default="移交协同单位"),
    "partner_received": _("history_partner_received", default="协同单位接收移交事项"),
    "partner_result": _("history_partner_result", default="协同单位反馈办理结果"),
    "court_share": _("history_court_share", default="共享至法院（裁审衔接）"),
}

SYSTEM_ACTOR = "system"


def _frozen(value):
    """A value safe to keep for ever: immutable, and picklable without our classes."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((str(key), _frozen(item)) for key, item in value.items()))
    if value is None or isinstance(
        value, (str, int, float, bool, decimal.Decimal, datetime.date, datetime.datetime)
    ):
        return value
    return str(value)


def _current_actor():
    if api.user.is_anonymous():
        return "anonymous"
    user = api.user.get_current()
    return user.getId() or user.getUserName()


def _stored(case, create=False):
    annotations = IAnnotations(case)
    stored = annotations.get(ANNOTATION_KEY)
    if stored is None and create:
        stored = annotations[ANNOTATION_KEY] = PersistentList()
    return stored


def record(case, action, comment="", actor=None, **details):
    """Append an entry to the case's history and return it.

    ``action``: a code (see ``ACTION_TITLES``); ``comment``: the why, as the user wrote it;
    ``actor``: a user id, by default the current user (``"system"`` for scheduled work);
    ``details``: anything else worth keeping (unit=…, handler=…, due=…, changes=…).
    """
    entry = Entry(
        when=now(),
        actor=actor or _current_actor(),
        action=str(action),
        comment=str(comment or ""),
        details=_frozen(details),
    )
    _stored(case, create=True).append(tuple(entry))
    return entry


def entries(case):
    """The case's history, oldest first, as a tuple of ``Entry``."""
    stored = _stored(case)
    if not stored:
        return ()
    return tuple(Entry(*item) for item in stored)


def last(case, action):
    """The latest entry with ``action``, or None."""
    for entry in reversed(entries(case)):
        if entry.action == action:
            return entry
    return None


def action_title(action):
    return ACTION_TITLES.get(action, action)
