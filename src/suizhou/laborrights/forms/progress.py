"""办理进度查询: the public progress page, and the applicant's rating once the case is closed.

Reference number and the applicant's phone must both match (``status.checked_lookup``, the
same throttled lookup as the REST API). Every mismatch gets the same "未查到" answer; too many
failures from one client or against one reference get HTTP 429 and a Chinese message. Only
the citizen-facing status (``status.citizen_status``) and the running statutory clock's due
date are shown. The lookup is posted, so the phone number stays out of addresses and logs.
"""

from datetime import datetime
from plone import api
from plone.protect.authenticator import check as check_authenticator
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights import _
from suizhou.laborrights.forms.rating import can_rate
from suizhou.laborrights.forms.rating import get_rating
from suizhou.laborrights.forms.rating import rate
from suizhou.laborrights.forms.rating import RatingRefused
from suizhou.laborrights.forms.rating import SCORES
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.cases.lookup import checked_lookup
from suizhou.laborrights.cases.lookup import citizen_status
from suizhou.laborrights.cases.lookup import Refused
from urllib.parse import urlencode
from zope.i18n import translate


NOT_FOUND = _(
    "progress_not_found",
    default="未查到相符的事项。请核对受理编号和申请时填写的联系电话后再试。",
)
MISSING = _("progress_missing", default="请填写受理编号和联系电话。")


def progress_url(reference=None):
    url = f"{api.portal.get().absolute_url()}/@@case-progress"
    return f"{url}?{urlencode({'ref': reference})}" if reference else url


def _zh(message):
    return translate(message, context=api.env.getRequest(), target_language="zh_CN")


def _day(iso):
    if not iso:
        return ""
    value = datetime.fromisoformat(iso)
    return f"{value.year}年{value.month}月{value.day}日"


def expected(case):
    """The running statutory clock in words, e.g. ('调解', '2026年3月17日'), or None."""
    clock = clocks.current(case)
    if clock is None:
        return None
    state = clocks.status(clock)
    due = f"{state.due.year}年{state.due.month}月{state.due.day}日" if state.due else ""
    return {"stage": _zh(state.title), "due": due, "paused": state.paused}


class ProgressView(BrowserView):
    """``@@case-progress``: look up a case by reference number and phone; rate it when closed."""

    index = ViewPageTemplateFile("templates/progress.pt")
    scores = SCORES

    def __call__(self):
        response = self.request.response
        response.setHeader("Cache-Control", "private, no-store")
        response.setHeader("X-Robots-Tag", "noindex")
        form = self.request.form
        self.reference = (form.get("ref") or "").strip()[:40]
        self.phone = (form.get("phone") or "").strip()[:40]
        self.message = self.status = self.rating = self.rating_message = None
        self.rateable = False
        if self.request.method == "POST":
            self.look_up(form)
        return self.index()

    def look_up(self, form):
        if not self.reference or not self.phone:
            self.message = _zh(MISSING)
            return
        try:
            case = checked_lookup(self.reference, self.phone, self.request.getClientAddr())
        except Refused as refused:
            self.request.response.setStatus(429)
            self.request.response.setHeader("Retry-After", str(refused.retry_after))
            self.message = _zh(
                _(
                    "progress_refused",
                    default="查询失败次数过多，请 ${seconds} 秒后再试。"
                    "如忘记受理编号，请携带身份证件到受理窗口或拨打 12333 咨询。",
                    mapping={"seconds": refused.retry_after},
                )
            )
            return
        if case is None:
            self.message = _zh(NOT_FOUND)
            return
        if form.get("rate"):
            check_authenticator(self.request)
            try:
                rate(case, form.get("score"), form.get("comment"))
                self.rating_message = _zh(_("rating_thanks", default="感谢您的评价！"))
            except RatingRefused as refused:
                self.rating_message = _zh(refused.message)
        status = citizen_status(case)
        self.status = {
            "reference": status["reference"],
            "status_title": _zh(status["status_title"]),
            "stage": _zh(status["stage"]) if status["stage"] else "",
            "received": _day(status["received"]),
            "closed": _day(status["closed"]),
            "outcome": status["outcome"] or "",
            "expected": expected(case) if status["status"] != "closed" else None,
        }
        self.rating = get_rating(case)
        self.rateable = can_rate(case)
