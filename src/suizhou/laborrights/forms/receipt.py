"""The receipt (受理回执) of a web filing: the filing record, the signed link, the e-mail.

After a filing the browser is sent to ``@@filing-receipt?ref=…&t=…``: the link is signed and
expires (registry ``receipt_valid_hours``), so the receipt, and its PDF with the filed data,
are shown only to whoever just filed; later the applicant follows the case on the progress
page with the reference number and phone. The same receipt, with the PDF attached, is sent
to the applicant's e-mail address if one was given (through the outbox, after the commit).
"""

from persistent.mapping import PersistentMapping
from plone import api
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from string import Template
from suizhou.laborrights import _
from suizhou.laborrights import logger
from suizhou.laborrights.controlpanels.statutory import IStatutorySettings
from suizhou.laborrights.forms import signing
from suizhou.laborrights.cases.duplicates import ANNOTATION_KEY as DUPLICATES_KEY
from suizhou.laborrights.documents.registration_pdf import registration_pdf
from suizhou.laborrights.forms.progress import progress_url
from suizhou.laborrights.cases.register import find_case
from suizhou.laborrights.http import no_store
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.notifications.outbox import queue_mail
from suizhou.laborrights.settings import setting
from suizhou.laborrights.timezone import chinese_datetime
from suizhou.laborrights.vocabularies import title_of
from urllib.parse import urlencode
from ZODB.POSException import ConflictError
from zope.annotation.interfaces import IAnnotations


RECEIPT_URL_KEY = "suizhou.laborrights.receipt_url"
FILING_KEY = "suizhou.laborrights.filing"
PURPOSE = "receipt"

DUPLICATE_NOTICE = _(
    "receipt_duplicate_notice",
    default="提示：您在近期已就同一用人单位提交过申请，工作人员将一并核查处理，无需重复提交。",
)


def statutory_values():
    return {
        name: setting("statutory", name, "")
        for name in IStatutorySettings.names()
    }


def fill_in(text, values=None):
    """``text`` with ${mediation_days} and the other statutory settings filled in."""
    return Template(text or "").safe_substitute(values or statutory_values())


def remember_filing(case, form_title, action):
    """Keep on the case what its receipt says: the form, the next steps and time limit as
    they were when it was filed."""
    values = statutory_values()
    IAnnotations(case)[FILING_KEY] = PersistentMapping(
        form=form_title,
        next_steps=fill_in(action.next_steps, values),
        time_limit=fill_in(action.time_limit, values),
    )


def filing_record(case):
    """What the web filing of ``case`` recorded (empty for cases registered elsewhere)."""
    return dict(IAnnotations(case).get(FILING_KEY, {}))


def receipt_token(case):
    return signing.sign(PURPOSE, case.getId(), setting("filing", "receipt_valid_hours") * 3600)


def receipt_query(case):
    return urlencode({"ref": case.getId(), "t": receipt_token(case)})


def receipt_url(case):
    return f"{api.portal.get().absolute_url()}/@@filing-receipt?{receipt_query(case)}"


def mask_name(name):
    name = (name or "").strip()
    return name[:1] + "*" * min(len(name) - 1, 3) if name else ""


def mask_phone(phone):
    phone = (phone or "").strip()
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 8 else "****"




def receipt_data(case):
    """Everything a receipt shows, as plain text (templates escape it)."""
    record = filing_record(case)
    station = ""
    if case.station:
        brains = api.content.find(UID=case.station, unrestricted=True)
        station = brains[0].Title if brains else ""
    return {
        "reference": case.getId(),
        "received": chinese_datetime(case.received),
        "form": record.get("form") or zh(_("label_case", default="维权事项")),
        "channel": title_of("channels", case.channel),
        "district": title_of("districts", case.district),
        "station": station,
        "dispute_types": "、".join(title_of("dispute_types", code) for code in case.dispute_types or ()),
        "applicant": mask_name(case.applicant_name),
        "phone": mask_phone(case.applicant_phone),
        "next_steps": record.get("next_steps", ""),
        "time_limit": record.get("time_limit", ""),
        "duplicate": bool(IAnnotations(case).get(DUPLICATES_KEY)),
        "duplicate_notice": zh(DUPLICATE_NOTICE),
        "attachments": [item.file.filename for item in case.objectValues() if getattr(item, "file", None)],
        "progress_url": progress_url(case.getId()),
    }


def receipt_text(data):
    """The receipt as the body of an e-mail."""
    lines = [
        zh(_("receipt_mail_intro", default="您的申请已登记，受理回执如下：")),
        "",
        f"受理编号：{data['reference']}",
        f"登记时间：{data['received']}",
        f"申请事项：{data['form']}",
        f"受理渠道：{data['channel']}",
        f"用工所在区县：{data['district']}",
    ]
    if data["next_steps"]:
        lines += ["", "后续办理：", data["next_steps"]]
    if data["time_limit"]:
        lines += ["", "法定时限：", data["time_limit"]]
    if data["duplicate"]:
        lines += ["", data["duplicate_notice"]]
    lines += [
        "",
        zh(
            _(
                "receipt_progress_hint",
                default="请妥善保存受理编号。凭受理编号和您的联系电话，可在以下页面查询办理进度：",
            )
        ),
        data["progress_url"],
        "",
        zh(_("receipt_mail_footer", default="本邮件由系统自动发送，请勿直接回复。")),
    ]
    return "\n".join(lines)


def send_receipt(case, email):
    """Mail the receipt, with the registration form as PDF, to ``email`` through the outbox:
    sent once the filing is committed, the PDF made then. Whatever fails is logged and never
    undoes the filing nor shows the applicant an error (the receipt page has it all)."""
    try:
        data = receipt_data(case)
        return queue_mail(
            email,
            f"受理回执：{data['reference']}",
            receipt_text(data),
            attachments=[(f"{data['reference']}.pdf", "application/pdf", lambda: registration_pdf(case, data))],
        )
    except ConflictError:
        raise  # the request is retried, the receipt with it
    except Exception:  # a receipt must not undo the filing
        logger.exception("Receipt of %s could not be mailed", case.getId())
        return False


class ReceiptBase(BrowserView):
    """A receipt view: the case of ``ref`` if ``t`` is its valid receipt token."""

    def case(self):
        reference = (self.request.form.get("ref") or "").strip()
        token = self.request.form.get("t") or ""
        if not reference or not signing.verify(PURPOSE, reference, token):
            return None
        return find_case(reference)

    def no_store(self):
        no_store(self.request.response, hide_referrer=True)

    def expired(self):
        self.request.response.setStatus(404)
        return self.expired_template()

    expired_template = ViewPageTemplateFile("templates/receipt_expired.pt")


class ReceiptView(ReceiptBase):
    """受理回执: the page the applicant lands on after filing."""

    index = ViewPageTemplateFile("templates/receipt.pt")
    duplicate_notice = DUPLICATE_NOTICE

    def __call__(self):
        self.no_store()
        case = self.case()
        if case is None:
            return self.expired()
        self.data = receipt_data(case)
        self.pdf_url = f"{api.portal.get().absolute_url()}/@@filing-receipt.pdf?{self.request.QUERY_STRING}"
        self.qr_url = (
            f"{api.portal.get().absolute_url()}/@@case-progress-qr.png?{urlencode({'ref': case.getId()})}"
        )
        return self.index()


class ReceiptPDFView(ReceiptBase):
    """The registration form (登记表) of the case with its receipt, as a PDF."""

    def __call__(self):
        self.no_store()
        case = self.case()
        if case is None:
            return self.expired()
        response = self.request.response
        response.setHeader("Content-Type", "application/pdf")
        response.setHeader("Content-Disposition", f'attachment; filename="{case.getId()}.pdf"')
        return registration_pdf(case, receipt_data(case))
