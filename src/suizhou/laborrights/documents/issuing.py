"""Issuing a document from its Word template: filled from the case, numbered, kept on the case.

The number is ``<机关代字><kind's word>〔<year>〕第<nnnn>号`` (随劳调受字〔2026〕第0012号), one
sequence per kind and year. The sequences are a BTree of their own on the case register
(``_document_numbers``), advanced in a short transaction of its own like the reference numbers
(``own_transaction``): two clerks issuing at once never conflict on the case they work on, and
an aborted request leaves a gap, never a duplicate. The office's code word (机关代字) is set in
``@@document-templates``; until then it is the first character of the city's name in the
district list (vocabularies control panel) followed by 劳调.

Each issued document is kept in the case's annotations (``ANNOTATION_KEY``): number, kind,
title, date, who issued it and the .docx as a blob; the list only grows. Its PDF is made by
LibreOffice once, on the first request for it (``pdf_of``: a second or so of a CPU core, too slow
for the request that issues a notice automatically), and kept with it as a blob. Anonymisation
(``cases.retention``) removes the .docx and the PDF of each record and keeps the rest.

A notice issued for an event (``automatic``) is dated the day of the event (``dated``), which a
handler may record a few days late; ``issued`` is always when it was made.
"""

from Acquisition import aq_base
from BTrees.OOBTree import OOBTree
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.protect.utils import safeWrite
from suizhou.laborrights.cases.own_transaction import in_own_transaction
from suizhou.laborrights.cases.register import get_register
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.documents import docx_templates
from suizhou.laborrights.documents import notices
from suizhou.laborrights.documents import pdf_convert
from suizhou.laborrights.documents.notice_base import NotAvailable
from suizhou.laborrights.documents.template_fields import case_fields
from suizhou.laborrights.handling.history import record
from suizhou.laborrights.i18n import zh as t
from suizhou.laborrights.timezone import beijing
from suizhou.laborrights.vocabularies import title_of
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "suizhou.laborrights.issued_documents"
PREFIX_KEY = "suizhou.laborrights.document_number_prefix"
SEQUENCES = "_document_numbers"

# the word of each kind in its number
WORDS = {
    "acceptance": "受字",
    "rejection": "不受字",
    "supplement": "补字",
    "mediation_agreement": "调协字",
    "closure": "结字",
    "extension": "延字",
    "acceptance_overdue": "逾字",
    "registration": "登字",
    "judicial_confirmation": "司确字",
}


def default_prefix():
    return title_of("districts", "city")[:1] + "劳调"


def number_prefix():
    """The office's code word (机关代字) of the numbers, e.g. 随劳调."""
    return IAnnotations(api.portal.get()).get(PREFIX_KEY) or default_prefix()


def set_number_prefix(value):
    IAnnotations(api.portal.get())[PREFIX_KEY] = (value or "").strip()


def _take(sequences, key):
    number = sequences.get(key, 0) + 1
    sequences[key] = number
    return number


def next_number(kind, year):
    """The next number of ``kind`` in ``year`` (1, 2, …), taken in a transaction of its own.

    The site's first number creates the sequences in the request's transaction: creating them in
    a transaction of their own would write the register beside the request, which also writes it
    (the routing or filing that issues the notice), and the request would lose on a conflict.
    """
    key = f"{kind}:{year}"
    register = aq_base(get_register())
    if getattr(register, SEQUENCES, None) is None:
        setattr(register, SEQUENCES, OOBTree())
        return _take(getattr(register, SEQUENCES), key)

    def take(committed):
        sequences = getattr(committed, SEQUENCES, None)
        return None if sequences is None else _take(sequences, key)

    number = in_own_transaction(register, take)
    return number if number is not None else _take(getattr(register, SEQUENCES), key)


def format_number(kind, year, number):
    return f"{number_prefix()}{WORDS[kind]}〔{year}〕第{number:04d}号"


def check_available(case, kind):
    """Raise ``NotAvailable`` (Chinese message) when ``case`` has no ``kind`` document now."""
    notices.CHECKS[kind](case)


def available_kinds(case):
    """(kind, title) of the templates ``case`` may be issued now."""
    found = []
    for kind, title in docx_templates.KINDS.items():
        try:
            check_available(case, kind)
        except NotAvailable:
            continue
        found.append((kind, t(title)))
    return found


def issued(case):
    """The documents issued on ``case``, oldest first (read-only records)."""
    return tuple(IAnnotations(case).get(ANNOTATION_KEY, ()))


def find(case, number_id):
    for document in issued(case):
        if document["id"] == number_id:
            return document
    return None


def latest(case, kind):
    """The last document of ``kind`` issued on ``case``, or None."""
    for document in reversed(issued(case)):
        if document["kind"] == kind:
            return document
    return None


def date_of(document):
    """The date the document bears (a datetime or a date)."""
    return document.get("dated") or document["issued"]


def issue(case, kind, dated=None):
    """Fill the template of ``kind`` from ``case``, number and keep it; returns the record.
    ``dated``: the day the document bears when it is not today (a notice of an event)."""
    check_available(case, kind)
    moment = now()
    year = beijing(dated or moment).year
    number = format_number(kind, year, next_number(kind, year))
    title = t(docx_templates.KINDS[kind])
    data = docx_templates.render(docx_templates.current_data(kind), case_fields(case, number, dated or moment))
    annotations = IAnnotations(case)
    documents = annotations.get(ANNOTATION_KEY)
    if documents is None:
        documents = annotations[ANNOTATION_KEY] = PersistentList()
    document = PersistentMapping(
        id=str(len(documents) + 1),
        kind=kind,
        title=title,
        number=number,
        issued=moment,
        by=api.user.get_current().getId(),
        file=NamedBlobFile(data=data, contentType=docx_templates.DOCX_TYPE, filename=f"{number}-{title}.docx"),
    )
    if dated is not None:
        document["dated"] = dated
    documents.append(document)
    record(case, "document", f"{title} {number}", kind=kind, number=number)
    return document


def pdf_of(document):
    """The PDF (bytes) of an issued ``document``: the one kept with it, else made by LibreOffice
    now and kept (raises ``pdf_convert.PdfUnavailable`` with a Chinese message; nothing kept)."""
    stored = document.get("pdf")
    if stored is not None:
        return stored.data
    data = pdf_convert.to_pdf(document["file"].data)
    filename = f"{document['number']}-{document['title']}.pdf"
    document["pdf"] = NamedBlobFile(data=data, contentType="application/pdf", filename=filename)
    safeWrite(document)  # kept on a GET (a download): a write plone.protect may let through
    return data
