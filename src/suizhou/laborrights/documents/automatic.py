"""The notices to the applicant issued by themselves when their event happens, from the Word
templates, numbered and kept on the case like a document a clerk issues (``issuing.issue``):

- accepted by the handling unit (``accept``, art. 29 for arbitration): 受理通知书, dated that day
  (not at routing: the unit may still decide not to accept, and the acceptance clock may run out);
- not accepted: 不予受理通知书; closed or withdrawn: 结案通知书, dated the day it ended;
- a supplement asked for: 补正通知书, dated the day the handler recorded;
- the award period extended: 延长仲裁期限通知书 (art. 43, in writing), dated the extension;
- the acceptance overdue: 逾期未受理告知书 (art. 29), dated the day the clock announced it.

Only the .docx is made here (some 20 ms); its PDF is made on the first download (``issuing.pdf_of``),
so a routing or a closure never waits for LibreOffice. A notice the case does not have (yet) is
not issued; a template that cannot be filled is logged and the handling goes on.
"""

from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.documents import issuing
from suizhou.laborrights.documents.notice_base import NotAvailable
from suizhou.laborrights.documents.procedure_notices import acceptance_overdue_entry
from suizhou.laborrights.documents.procedure_notices import award_extension_entry


def issue(case, kind, dated):
    try:
        return issuing.issue(case, kind, dated=dated)
    except NotAvailable:
        return None
    except Exception:
        # any failure of an administrator's template (Jinja, docxtpl, a bad zip) must not stop the handling
        logger.exception("%s: the %s template could not be filled", case.getId(), kind)
        return None


def case_accepted(case, event):
    if issuing.latest(case, "acceptance") is None:
        issue(case, "acceptance", now())


def case_closed(case, event):
    kind = "rejection" if api.content.get_state(case) == "rejected" else "closure"
    issue(case, kind, case.closed)


def supplement_requested(case, event):
    issue(case, "supplement", event.day)


def clock_extended(case, event):
    if event.stage != "arbitration_award":
        return
    entry = award_extension_entry(case)
    if entry is not None:
        issue(case, "extension", dict(entry.details).get("extended") or entry.when)


def case_overdue(case, event):
    if event.stage != "arbitration_acceptance":
        return
    entry = acceptance_overdue_entry(case)
    if entry is not None:
        issue(case, "acceptance_overdue", entry.when)
