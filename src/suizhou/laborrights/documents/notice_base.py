"""What the written documents of a case are made of: the ``Document`` laid out in Python (the
口头申请笔录, rendered as a page and as a PDF), the issuing unit and its title, the progress link,
and ``NotAvailable`` for a case that has no such document (yet)."""

from collections import namedtuple
from suizhou.laborrights import _
from suizhou.laborrights.i18n import zh as t
from suizhou.laborrights.notifications import recipients
from suizhou.laborrights.vocabularies import title_of


Document = namedtuple(
    "Document",
    (
        "kind",  # oral_record
        "title",  # 受理通知书
        "number",  # 编号
        "addressee",  # 王某某： (empty for agreements and records)
        "paragraphs",  # the text, paragraph by paragraph
        "rows",  # (label, value) particulars; a value of None starts a section
        "signatures",  # labels of the signature lines (签名/盖章)
        "issuer",  # the unit that issues it
        "date",  # 2026年10月8日
        "link",  # (text, url) shown with a QR code, or None
    ),
)


class NotAvailable(Exception):
    """The case has no such document (yet); ``message`` says why, in Chinese."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def money(value):
    return f"{value:,.2f}" if value is not None else ""


def dispute_types(case):
    return "、".join(title_of("dispute_types", code) for code in case.dispute_types or ())


def issuer_unit(case):
    """The service station that issues the case's notices (the handling unit, else the place
    that received it), or None."""
    for uid in (case.assigned_unit, case.station):
        unit = recipients.unit(uid) if uid else None
        if unit is not None:
            return unit
    return None


def issuer(case):
    """The unit that issues the case's notices: the handling unit, else the place that
    received it, else the district's center."""
    unit = issuer_unit(case)
    if unit is not None and unit.Title():
        return unit.Title()
    return t(
        _("document_default_issuer", default="${district}劳动保障维权中心"),
        district=title_of("districts", case.district),
    )


def progress_link(case):
    return (
        t(_("document_progress_link", default="扫码或访问以下网址查询办理进度：")),
        recipients.progress_url(case),
    )
