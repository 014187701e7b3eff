"""Demo data of the 1+X partners: the most recently mediated demo case gets its mediation
agreement (人民调解) and goes to the court sitting at a center of its district for 司法确认; the
court received it and ruled the agreement valid, and that result is on the case.

The steps are dated as they would have been (the agreement on the closing day, the transfer
three days later, the ruling ten days after it), in the transfer and in the case history."""

from datetime import timedelta
from plone import api
from suizhou.laborrights.demo.dates import TIMEZONE
from suizhou.laborrights.handling import history
from suizhou.laborrights.partners import transfers
from suizhou.laborrights.partners import units
from suizhou.laborrights.timezone import beijing
from zope.annotation.interfaces import IAnnotations

import logging
import secrets


logger = logging.getLogger("suizhou.laborrights.demo")
NOTE = "双方当事人共同申请对人民调解协议进行司法确认，随附调解协议书、双方身份证明和送达地址确认书。"
RULING = "（2026）鄂1303民特118号民事裁定书：调解协议有效，当事人应当按照约定履行（演示）。"
COURT_ACCOUNT = "demo_court"


def demo_case():
    """The closed case of the mediation route with the latest closing date, or None."""
    catalog = api.portal.get_tool("portal_catalog")
    found = [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Case", route="mediation", outcome="mediated", review_state="closed"
        )
    ]
    found = [case for case in found if case.closed is not None]
    return max(found, key=lambda case: beijing(case.closed)) if found else None


def court_of(district):
    """The court unit at a center of the district, else at any center."""
    centers = [
        brain._unrestrictedGetObject()
        for brain in api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
            portal_type="ServiceStation", level="center", sort_on="getId"
        )
    ]
    for station in sorted(centers, key=lambda station: station.district != district):
        if units.COURT in (station.partner_agencies or ()):
            return units.token(units.COURT, station.UID())
    return None


def create_partner_demo():
    case = demo_case()
    if case is None or transfers.transfers(case):
        return None
    court = court_of(case.district)
    if court is None:
        logger.warning("No court unit at any center: no demo transfer to the court.")
        return None
    # pytz, as every stored time (ZODB pickles pytz, not zoneinfo)
    agreed = TIMEZONE.localize(beijing(case.closed).replace(hour=10, minute=0, second=0, microsecond=0, tzinfo=None))
    amount = case.amount_recovered or case.claim_amount
    before = len(history.entries(case))
    api.content.create(
        container=case,
        type="MediationSession",
        id="agreement",
        session_date=agreed.replace(tzinfo=None),
        mediator="人民调解员刘建国（演示）",
        mediation_kind="people",
        parties="申请人本人；被申请人委托代理人（演示）",
        applicant_attended=True,
        employer_attended=True,
        result="agreed",
        agreement_amount=amount,
        agreement_terms=f"被申请人于调解协议生效之日起十日内一次性支付申请人{amount}元，双方再无其他争议。",
    )
    transfer = transfers.send(case, court, transfers.JUDICIAL_CONFIRMATION, NOTE)
    judge = court_account(court)  # after sending: the demo e-mails nobody
    sent = agreed + timedelta(days=3)
    transfer.update(sent=sent)
    transfer.update(received=sent + timedelta(days=1, hours=-1), received_by=judge)
    ruled = sent + timedelta(days=10)
    transfers.close_with_result(case, transfer, "confirmed", ruled.date(), RULING, actor=judge)
    transfer["returned"] = ruled.replace(hour=16)
    _backdate_history(
        case,
        before,
        {
            "mediation_session": agreed,
            "partner_transfer": sent,
            "notified": sent,
            "partner_received": transfer["received"],
            "partner_result": transfer["returned"],
        },
    )
    logger.info("Demo transfer of %s to the court for 司法确认, with its ruling.", case.getId())
    return transfer


def _backdate_history(case, before, times):
    """The entries the demo added (from index ``before``) get the day each step happened."""
    stored = IAnnotations(case)[history.ANNOTATION_KEY]
    for index in range(before, len(stored)):
        entry = history.Entry(*stored[index])
        when = times.get(entry.action)
        if when is not None:
            stored[index] = tuple(entry._replace(when=when))


def court_account(court):
    """The court's demo member (no password anybody knows: an administrator sets one to try
    the court's mailbox); its id."""
    if api.user.get(userid=COURT_ACCOUNT) is None:
        api.user.create(
            username=COURT_ACCOUNT,
            email="demo-court@example.org",
            password=secrets.token_urlsafe(24),
            properties={"fullname": "法院立案庭周法官（演示）"},
        )
    api.group.add_user(groupname=units.ensure_group(court), username=COURT_ACCOUNT)
    return COURT_ACCOUNT
