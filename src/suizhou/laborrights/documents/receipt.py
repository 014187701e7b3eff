"""What a receipt (受理回执) says, whichever channel registered the case: the data shown on the
page and in the registration form PDF, the filing record of a web form, and the e-mail.

The e-mail goes through the outbox: it is sent once the filing is committed and its PDF is made
then, so a receipt that cannot be made or mailed is logged and never undoes a filing.
"""

from functools import partial
from persistent.mapping import PersistentMapping
from plone import api
from string import Template
from suizhou.laborrights import _
from suizhou.laborrights import logger
from suizhou.laborrights.cases.duplicates import ANNOTATION_KEY as DUPLICATES_KEY
from suizhou.laborrights.controlpanels.statutory import IStatutorySettings
from suizhou.laborrights.documents.registration_pdf import particulars
from suizhou.laborrights.documents.registration_pdf import registration_pdf_of
from suizhou.laborrights.forms.progress import progress_url
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.masking import mask_name
from suizhou.laborrights.masking import mask_phone
from suizhou.laborrights.notifications.outbox import queue_mail
from suizhou.laborrights.settings import setting
from suizhou.laborrights.timezone import chinese_datetime
from suizhou.laborrights.vocabularies import title_of
from ZODB.POSException import ConflictError
from zope.annotation.interfaces import IAnnotations


FILING_KEY = "suizhou.laborrights.filing"  # stored on cases: keep the name

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
    sent once the filing is committed, the PDF made then (from the particulars as filed).
    Whatever fails is logged and never undoes the filing nor shows the applicant an error (the
    receipt page has it all)."""
    try:
        data = receipt_data(case)
        sections = particulars(case, data, masked=True)
        return queue_mail(
            email,
            f"受理回执：{data['reference']}",
            receipt_text(data),
            attachments=[
                (f"{data['reference']}.pdf", "application/pdf", partial(registration_pdf_of, sections, data))
            ],
        )
    except ConflictError:
        raise  # the request is retried, the receipt with it
    except Exception:  # a receipt must not undo the filing
        logger.exception("Receipt of %s could not be mailed", case.getId())
        return False
