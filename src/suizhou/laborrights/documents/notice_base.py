"""What every written notice of a case (``notices.py``, ``procedure_notices.py``) is made of: the
``Document`` (rendered as a page and as a PDF), the issuing unit, the addressee, the progress
link, and ``NotAvailable`` for a case that has no such notice (yet)."""

from collections import namedtuple
from suizhou.laborrights import _
from suizhou.laborrights.i18n import zh as t
from suizhou.laborrights.notifications import recipients
from suizhou.laborrights.timezone import chinese_date
from suizhou.laborrights.vocabularies import title_of


Document = namedtuple(
    "Document",
    (
        "kind",  # a key of notices.KINDS
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


def issuer(case):
    """The unit that issues the case's notices: the handling unit, else the place that
    received it, else the district's center."""
    for uid in (case.assigned_unit, case.station):
        title = recipients.unit_title(uid)
        if title:
            return title
    return t(
        _("document_default_issuer", default="${district}劳动保障维权中心"),
        district=title_of("districts", case.district),
    )


def notice(case, kind, title, paragraphs, date, link=None):
    """A notice to the applicant: addressed to them, issued by the unit, no table, no signatures."""
    return Document(
        kind=kind,
        title=t(title),
        number=case.getId(),
        addressee=f"{case.applicant_name}：",
        paragraphs=tuple(paragraphs),
        rows=(),
        signatures=(),
        issuer=issuer(case),
        date=chinese_date(date),
        link=link,
    )


def progress_link(case):
    return (
        t(_("document_progress_link", default="扫码或访问以下网址查询办理进度：")),
        recipients.progress_url(case),
    )
