"""办理进度查询: the public progress page, and the applicant's rating once the case is closed.

Reference number and the applicant's phone must both match (``lookup.Guard``, the same
lookup as the REST API). Every mismatch gets the same "未查到" answer; after too many failures
from one client, against one reference or with one phone number the form asks the challenge
question first (HTTP 429), and a correct answer with a correct reference and phone is heard. Only
the citizen-facing status (``lookup.citizen_status``), its steps and the handling unit's
public contact (``cases.timeline``) and the running statutory clock's due date are shown.
The lookup is posted, so the phone number stays out of addresses and logs.
"""

from datetime import datetime
from plone import api
from plone.protect.authenticator import check as check_authenticator
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights import _
from suizhou.laborrights.cases.lookup import ChallengeRequired
from suizhou.laborrights.cases.lookup import citizen_status
from suizhou.laborrights.cases.lookup import Guard
from suizhou.laborrights.cases.timeline import due
from suizhou.laborrights.cases.timeline import handling_unit
from suizhou.laborrights.cases.timeline import steps
from suizhou.laborrights.forms.rating import can_rate
from suizhou.laborrights.forms.rating import get_rating
from suizhou.laborrights.forms.rating import levels
from suizhou.laborrights.forms.rating import rate
from suizhou.laborrights.forms.rating import RatingRefused
from suizhou.laborrights.forms.rating import REASON_REQUIRED
from suizhou.laborrights.http import no_store
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.timezone import chinese_date
from suizhou.laborrights.timezone import chinese_datetime
from suizhou.laborrights.timezone import w3c
from urllib.parse import urlencode


NOT_FOUND = _(
    "progress_not_found",
    default="未查到相符的事项。请核对受理编号和申请时填写的联系电话后再试。",
)
MISSING = _("progress_missing", default="请填写受理编号和联系电话。")


def progress_url(reference=None):
    url = f"{api.portal.get().absolute_url()}/@@case-progress"
    return f"{url}?{urlencode({'ref': reference})}" if reference else url


def _day(iso):
    return chinese_date(datetime.fromisoformat(iso)) if iso else ""


def expected(case):
    """The running statutory clock in words, e.g. ('调解', '2026年3月17日'), or None."""
    clock = due(case)
    return dict(clock, due=chinese_date(clock["due"])) if clock else None


def shown_steps(case):
    """The case's steps for the page: times in Beijing time, as words and as W3C."""
    found = steps(case)
    for step in found:
        step["when"], step["datetime"] = chinese_datetime(step["time"]), w3c(step["time"])
    return found


class ProgressView(BrowserView):
    """``@@case-progress``: look up a case by reference number and phone; rate it when closed."""

    index = ViewPageTemplateFile("templates/progress.pt")
    reason_required = REASON_REQUIRED

    def __call__(self):
        no_store(self.request.response)
        form = self.request.form
        self.reference = (form.get("ref") or "").strip()[:40]
        self.phone = (form.get("phone") or "").strip()[:40]
        self.message = self.status = self.rating = self.rating_message = self.challenge = None
        self.rating_error = {}  # field name -> message, shown at the field
        self.chosen_level = form.get("level") if isinstance(form.get("level"), str) else ""
        self.comment = form.get("comment") if isinstance(form.get("comment"), str) else ""
        self.rateable = False
        self.levels = levels()
        if self.request.method == "POST":
            self.look_up(form)
        return self.index()

    def look_up(self, form):
        if not self.reference or not self.phone:
            self.message = zh(MISSING)
            return
        guard = Guard(self.request.getClientAddr(), form.get("challenge_token"), form.get("challenge_answer"))
        try:
            case = guard.lookup(self.reference, self.phone)
        except ChallengeRequired as required:
            self.request.response.setStatus(429)
            self.message = zh(required.message)
            self.challenge = {"question": required.question, "token": required.token}
            return
        if case is None:
            self.message = zh(NOT_FOUND)
            return
        if form.get("rate"):
            check_authenticator(self.request)
            try:
                rate(case, self.chosen_level, self.comment)
                self.rating_message = zh(_("rating_thanks", default="感谢您的评价！"))
            except RatingRefused as refused:
                if refused.field:
                    self.rating_error = {refused.field: zh(refused.message)}
                else:
                    self.rating_message = zh(refused.message)
        status = citizen_status(case)
        self.status = {
            "reference": status["reference"],
            "status_title": zh(status["status_title"]),
            "stage": zh(status["stage"]) if status["stage"] else "",
            "received": _day(status["received"]),
            "closed": _day(status["closed"]),
            "outcome": status["outcome"] or "",
            "expected": expected(case) if status["status"] != "closed" else None,
            "steps": shown_steps(case),
            "unit": handling_unit(case),
        }
        self.rating = get_rating(case)
        self.rateable = can_rate(case)
