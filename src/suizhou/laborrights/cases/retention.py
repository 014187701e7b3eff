"""Retention (案卷保存期限): closed cases past their period are listed for the city
administrator, who approves their anonymisation; personal data goes, the figures stay.

The period runs from the closure date (``case.closed``: closed, not accepted or withdrawn) and
is chosen by how the case ended (statutory settings):

- an arbitration award (outcome ``award``) or any case routed to arbitration: the award period
  ``award_retention_years`` (default 10 years);
- every other case — mediation, and also labour inspection, social insurance, employment
  services, transfers, not accepted, withdrawn, answered consultations: the mediation period
  ``mediation_retention_years`` (default 5 years), the shorter of the two the law names.

``list_due`` (run by scripts/retention_job.py, deploy/laborrights-retention.timer) stores the
due cases on the register (``_retention_due``: reference -> (closed, years)); the page
``@@retention`` shows them; ``anonymise`` removes the personal data of one case:

- removed: applicant and employer names, ID number and credit code, phones, addresses, e-mail,
  the employer's contact, the 12345 ticket number, the facts and requests, the claims' notes,
  the attachments, the mediation records' parties, notes and terms, the filled .docx of every
  issued document (its number, kind, title and dates stay), the employer's reply link and
  phone, the notes of the partner transfers and of their results, the web filing record
  kept for the receipt, the links to possible duplicates and the case's fingerprints on the
  register, the rating's comment, the history's comments and its texts;
- kept (statistics do not change): reference, district, station, channel, dates, dispute
  types, amounts, workers, route, outcome, units and handler, triage, the clocks, the states,
  the history's who/what/when, the mediation records' dates, kinds, results and amounts.

Who approved and when is recorded in the history (``anonymised``) and in an annotation
(``ANONYMISED_KEY``); the case's page says so.
"""

from Acquisition import aq_base
from BTrees.OOBTree import OOBTree
from persistent.mapping import PersistentMapping
from plone import api
from suizhou.laborrights.background import as_system
from suizhou.laborrights.background import open_site
from suizhou.laborrights.cases import duplicates
from suizhou.laborrights.cases.register import find_case
from suizhou.laborrights.cases.register import get_register
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.documents import issuing
from suizhou.laborrights.employer import access as employer_access
from suizhou.laborrights.handling import history
from suizhou.laborrights.partners import transfers
from suizhou.laborrights.settings import setting
from suizhou.laborrights.timezone import beijing_date
from zope.annotation.interfaces import IAnnotations


ANONYMISED_KEY = "suizhou.laborrights.anonymised"
DUE_ATTRIBUTE = "_retention_due"
ENDED_STATES = ("closed", "rejected", "withdrawn")
PLACEHOLDER = "（已匿名化）"

# Case fields holding personal data: name -> the value they get.
PERSONAL_FIELDS = {
    "applicant_name": PLACEHOLDER,  # a required field: a placeholder, never a name
    "applicant_id_number": None,
    "applicant_phone": "",
    "applicant_email": None,
    "applicant_address": None,
    "employer_name": None,
    "employer_credit_code": None,
    "employer_address": None,
    "employer_contact": None,
    "employer_phone": None,
    "hotline_ticket": None,
    "facts": PLACEHOLDER,
    "request": None,
}
SESSION_FIELDS = {"parties": None, "notes": None, "agreement_terms": None}  # the mediator is staff
# Case annotations that hold personal data or lead to it, removed whole.
REMOVED_ANNOTATIONS = (
    "suizhou.laborrights.filing",  # documents.receipt.FILING_KEY
    "suizhou.laborrights.receipt_url",  # forms.receipt.RECEIPT_URL_KEY
    duplicates.ANNOTATION_KEY,
    "suizhou.laborrights.handling.recorded",
    employer_access.ANNOTATION_KEY,  # the employer's phone and a live reply link
)
ISSUED_KEPT = ("id", "kind", "title", "number", "issued", "dated", "by")  # the .docx (``file``) goes
TRANSFER_NOTES = ("note", "result_note")
RATING_KEY = "suizhou.laborrights.rating"
# History details kept: codes, units, dates (anything else that is text is removed).
KEPT_DETAILS = {"from_state", "to_state", "unit", "handler", "stage", "channel", "station", "route"}


def retention_years(case):
    """The retention period of ``case`` in years, by how it ended."""
    if case.outcome == "award" or case.route == "arbitration":
        return int(setting("statutory", "award_retention_years") or 10)
    return int(setting("statutory", "mediation_retention_years") or 5)


def _add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def retention_end(case):
    """The first day after the retention period (Beijing date), or None while not closed."""
    closed = getattr(aq_base(case), "closed", None)
    if closed is None:
        return None
    return _add_years(beijing_date(closed), retention_years(case))


def anonymised(case):
    """{"by": user id, "at": datetime} when ``case`` was anonymised, else None."""
    found = IAnnotations(case).get(ANONYMISED_KEY)
    return dict(found) if found is not None else None


def is_due(case, on=None):
    end = retention_end(case)
    return end is not None and end <= (on or beijing_date(now())) and anonymised(case) is None


def _due_tree(register, create=False):
    tree = getattr(aq_base(register), DUE_ATTRIBUTE, None)
    if tree is None and create:
        tree = OOBTree()
        setattr(register, DUE_ATTRIBUTE, tree)
    return tree


def list_due(on=None):
    """The scheduled job: store the ended cases past their period on the register; returns
    their references."""
    on = on or beijing_date(now())
    catalog = api.portal.get_tool("portal_catalog")
    found = {}
    for brain in catalog.unrestrictedSearchResults(portal_type="Case", review_state=list(ENDED_STATES)):
        case = brain._unrestrictedGetObject()
        if is_due(case, on):
            found[case.getId()] = (beijing_date(case.closed), retention_years(case))
    tree = _due_tree(get_register(), create=True)
    for reference in [key for key in tree.keys() if key not in found]:
        del tree[reference]
    for reference, value in found.items():
        if tree.get(reference) != value:
            tree[reference] = value
    return sorted(found)


def due():
    """(reference, closed date, years) of the cases the last job run found, not yet anonymised."""
    tree = _due_tree(get_register())
    return [(reference, closed, years) for reference, (closed, years) in (tree or {}).items()]


def _scrub_history(case):
    stored = history._stored(case)
    if not stored:
        return
    for index, item in enumerate(stored):
        entry = history.Entry(*item)
        details = tuple(
            (name, value)
            for name, value in entry.details or ()
            if name in KEPT_DETAILS or not isinstance(value, (str, tuple))
        )
        stored[index] = tuple(entry._replace(comment="", details=details))


def _scrub_issued_documents(case):
    """Keep number, kind, title, dates (the issue's, and a notice's event day) and issuer of
    each issued document; the filled .docx (name, ID number, phone, facts …) goes."""
    documents = IAnnotations(case).get(issuing.ANNOTATION_KEY)
    for index, document in enumerate(documents or ()):
        documents[index] = PersistentMapping({key: document[key] for key in ISSUED_KEPT if key in document})


def anonymise(case, approver=None):
    """Remove the personal data of ``case`` (see the module's docstring); record who approved."""
    approver = approver or api.user.get_current().getId()
    _remove_fingerprints(case)  # made from the phone and the employer: before they go
    for name, value in PERSONAL_FIELDS.items():
        setattr(case, name, value)
    case.claims = [{key: value for key, value in dict(row).items() if key != "note"} for row in case.claims or ()]
    for child_id, child in list(case.objectItems()):
        if child.portal_type == "MediationSession":
            for name, value in SESSION_FIELDS.items():
                setattr(child, name, value)
            child.reindexObject()
        else:  # attachments, and anything else kept with the case (the approval is the
            case._delObject(child_id)  # permission: a closed case's files are not deletable)
    annotations = IAnnotations(case)
    for key in REMOVED_ANNOTATIONS:
        annotations.pop(key, None)
    _scrub_issued_documents(case)
    for transfer in annotations.get(transfers.ANNOTATION_KEY) or ():
        transfer.update(dict.fromkeys(TRANSFER_NOTES, ""))
    rating = annotations.get(RATING_KEY)
    if rating is not None and "comment" in rating:
        rating["comment"] = ""
    _scrub_history(case)
    annotations[ANONYMISED_KEY] = PersistentMapping(by=approver, at=now())
    history.record(case, "anonymised", "", actor=approver)
    case.reindexObject()
    tree = _due_tree(get_register())
    if tree is not None and case.getId() in tree:
        del tree[case.getId()]


def _remove_fingerprints(case):
    """The case's keys in the register's duplicate tree (hashes of its phone and employer)."""
    tree = getattr(aq_base(get_register()), duplicates.TREE_ATTRIBUTE, None)
    if tree is None:
        return
    for fingerprint in duplicates.fingerprints(case.applicant_phone, case.employer_name, case.employer_credit_code):
        tree.pop(f"{fingerprint}|{case.getId()}", None)


def anonymise_approved(references, approver=None):
    """Anonymise the listed cases that are still past their period; returns the references
    done (a case reopened or already anonymised meanwhile is left)."""
    done = []
    for reference in references:
        case = find_case(reference)
        if case is not None and is_due(case, beijing_date(now())):
            anonymise(case, approver)
            done.append(reference)
    return done


def main(app, site_id="Plone", attempts=5):
    """For ``bin/instance run`` (scripts/retention_job.py): store the due list and commit."""
    from suizhou.laborrights import logger

    import transaction

    app = as_system(app)
    for attempt in transaction.manager.attempts(attempts):
        with attempt:
            open_site(app, site_id)
            references = list_due()
    logger.info("Retention: %d case(s) past their retention period await approval.", len(references))
    return references
