"""When a case has a notice of a procedural event (``handling/procedure.py``,
``handling/clocks.py``), read from the case's history; the text is the notice's Word template
(``docx_templates``), its particulars the tags of ``template_fields``:

- 补正通知书: what the applicant is to supply and by when (the latest ``supplement_requested``);
- 延长仲裁期限通知书: the award period extended (《劳动争议调解仲裁法》第四十三条: with the
  director's approval, notified to the parties in writing);
- 逾期未受理告知书: no acceptance decision within the period of art. 29 — the applicant may
  bring the dispute before the people's court.

Each check raises ``NotAvailable`` (a Chinese message) when the case has no such notice now.
"""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.documents.notice_base import NotAvailable
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.handling.history import last
from suizhou.laborrights.i18n import zh as t


def reason_sentence(text):
    """A handler's reason as part of a sentence: without its closing punctuation."""
    return (text or "").strip().rstrip("。.；;")


def supplement_entry(case):
    """The latest request for a supplement, or None."""
    return last(case, "supplement_requested")


def award_extension_entry(case):
    """The extension of the award period, or None."""
    for entry in reversed(entries(case)):
        if entry.action == "clock_extended" and dict(entry.details).get("stage") == "arbitration_award":
            return entry
    return None


def acceptance_overdue_entry(case):
    """The overdue entry of the acceptance clock that still runs, or None."""
    clock = clocks.current(case)
    if clock is None or clock.stage != "arbitration_acceptance":
        return None
    if api.content.get_state(case) not in ("registered", "routed", "in_progress"):
        return None
    for entry in reversed(entries(case)):
        details = dict(entry.details)
        if entry.action == "overdue" and details.get("stage") == "arbitration_acceptance":
            return entry if details.get("due") == clock.due_date else None
    return None


def supplement(case):
    if supplement_entry(case) is None:
        raise NotAvailable(t(_("document_no_supplement", default="该事项未通知补正材料。")))


def extension(case):
    if award_extension_entry(case) is None:
        raise NotAvailable(t(_("document_not_extended", default="该事项的仲裁审理期限未延长。")))


def acceptance_overdue(case):
    if acceptance_overdue_entry(case) is None:
        raise NotAvailable(t(_("document_acceptance_not_overdue", default="该事项的仲裁立案审查未逾期。")))
