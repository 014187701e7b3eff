"""Each partner unit's mailbox (收件箱): the matters transferred to it, newest first, with their
state (待接收 / 处理中 / 已反馈) and due date; and the notice (e-mail and SMS through the outbox)
that a matter arrived.

Where a unit's notices go is its own contact (work e-mail, duty mobile), kept in a site
annotation by partner token; without a contact e-mail each member's account e-mail is used.
Notices and the mailbox name the reference number and the purpose, never the parties."""

from BTrees.OOBTree import OOBTree
from persistent.mapping import PersistentMapping
from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.handling.history import record
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.notifications import recipients
from suizhou.laborrights.notifications.outbox import queue_mail
from suizhou.laborrights.notifications.outbox import queue_sms
from suizhou.laborrights.partners import transfers
from suizhou.laborrights.partners import units
from suizhou.laborrights.partners.vocabularies import purpose_title
from suizhou.laborrights.settings import setting
from suizhou.laborrights.validators import EMAIL
from suizhou.laborrights.validators import is_mobile
from suizhou.laborrights.validators import normalize_phone
from urllib.parse import urlencode
from zope.annotation.interfaces import IAnnotations
from ZTUtils.Lazy import LazyMap


CONTACTS_KEY = "suizhou.laborrights.partners.contacts"


def _contacts(create=False):
    annotations = IAnnotations(api.portal.get())
    if CONTACTS_KEY not in annotations and create:
        annotations[CONTACTS_KEY] = OOBTree()
    return annotations.get(CONTACTS_KEY, {})


def contact(partner):
    """{"email": …, "mobile": …} where the unit's notices go ("" when not set)."""
    found = _contacts().get(partner) or {}
    return {"email": found.get("email", ""), "mobile": found.get("mobile", "")}


def set_contact(partner, email, mobile):
    """Keep the unit's contact; raises ``ValueError(errors)`` (Chinese messages by field)."""
    email, mobile = (email or "").strip(), normalize_phone(mobile)
    errors = {}
    if email and not EMAIL.match(email):
        errors["email"] = zh(_("error_email", default="电子邮箱格式不正确，如 zhangsan@example.com。"))
    if mobile and not is_mobile(mobile):
        errors["mobile"] = zh(_("error_partner_mobile", default="请填写11位手机号码，如 13812345678。"))
    if errors:
        raise ValueError(errors)
    _contacts(create=True)[partner] = PersistentMapping(email=email, mobile=mobile)


def mailbox_url(partner):
    return f"{recipients.site_url()}/@@partner-mailbox?{urlencode({'unit': partner})}"


def _mail_addresses(partner):
    found = contact(partner)["email"]
    if found:
        return [found]
    members = (
        api.user.get_users(groupname=units.group_id(partner))
        if api.group.get(groupname=units.group_id(partner))
        else []
    )
    return sorted({recipients.user_email(member.getId()) for member in members} - {None})


ON_RECEIPT = _("partner_arrived_due_on_receipt", default="，请于接收之日起15日内作出是否确认的决定")


def tell_partner(case, transfer):
    """Tell the unit a matter arrived (after commit); written into the case history."""
    partner = transfer["partner"]
    facts = {
        "unit": units.title(partner),
        "reference": case.getId(),
        "purpose": zh(purpose_title(transfer["purpose"])),
        "due": zh(ON_RECEIPT) if transfer["purpose"] == transfers.JUDICIAL_CONFIRMATION else "",
        "url": mailbox_url(partner),
    }
    sms = zh(
        _(
            "partner_arrived_sms",
            default="${unit}：维权事项${reference}（${purpose}）已移交贵单位${due}。请登录平台协同单位收件箱接收办理。",
        ),
        **facts,
    )
    body = zh(
        _(
            "partner_arrived_body",
            default="${unit}：\n\n维权事项${reference}（${purpose}）已移交贵单位${due}。"
            "请登录平台，在协同单位收件箱接收并查看移交单：\n${url}\n\n本邮件由系统发出，请勿回复。",
        ),
        **facts,
    )
    subject = zh(_("partner_arrived_subject", default="新移交事项 ${reference}（${purpose}）"), **facts)
    channels = []
    if setting("notifications", "notify_units_by_email", True):
        sent = [address for address in _mail_addresses(partner) if queue_mail(address, subject, body)]
        if sent:
            channels.append(zh(_("channel_email", default="电子邮件")))
    mobile = contact(partner)["mobile"]
    if mobile:
        queue_sms(mobile, sms)
        channels.append(zh(_("channel_sms", default="短信")))
    if channels:
        record(
            case,
            "notified",
            zh(
                _("history_partner_notified", default="已通知协同单位${unit}（${channels}）"),
                unit=facts["unit"],
                channels="、".join(channels),
            ),
            to="partner",
            partner=partner,
        )
    return channels


def matter_sent(case, event):
    tell_partner(case, event.transfer)


STATE_TITLES = {
    transfers.WAITING: _("partner_state_waiting", default="待接收"),
    transfers.HANDLING: _("partner_state_handling", default="处理中"),
    transfers.RETURNED: _("partner_state_returned", default="已反馈"),
    transfers.SHARED: _("partner_state_shared", default="只读共享"),
}


def matters(partner):
    """The unit's transfers, newest first: (case, transfer) pairs, whoever asks (the caller
    decides who may see the mailbox). Ordered by the catalog's ``partner_transfers`` column; a
    lazy sequence that wakes a case only when its pair is read (a mailbox page: its own)."""
    catalog = api.portal.get_tool("portal_catalog")
    entries = [
        (sent, brain, number)
        for brain in catalog.unrestrictedSearchResults(portal_type="Case", partner_units=partner)
        for token, number, sent in brain.partner_transfers or ()
        if token == partner
    ]
    entries.sort(key=lambda entry: entry[0], reverse=True)
    return LazyMap(_pair, entries)


def _pair(entry):
    _sent, brain, number = entry
    case = brain._unrestrictedGetObject()
    return case, next(t for t in transfers.transfers(case) if t["id"] == number)
