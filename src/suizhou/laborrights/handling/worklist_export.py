"""The current worklist (its tab, filters and order, every page) as CSV or Excel, recorded in
the access log as an "export": the file carries applicants' names, so it goes only to who may
see those cases (the same security-filtered catalog query as the page) and is never cached."""

from openpyxl import Workbook
from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.audit.log import record_access
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.http import no_store
from suizhou.laborrights.spreadsheet import as_text
from zope.i18n import translate

import csv
import io


FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
}
MAX_ROWS = 20000
EXTRA_COLUMNS = (
    ("unit", _("column_unit", default="承办单位")),
    ("channel", _("column_channel", default="渠道")),
)


def cell(value):
    return "" if value is None else as_text(value)


def table(view):
    """The header and the rows of the current list (at most ``MAX_ROWS``)."""
    from suizhou.laborrights.handling.worklists import COLUMNS

    columns = (*COLUMNS, *EXTRA_COLUMNS)
    brains = api.portal.get_tool("portal_catalog")(b_start=0, b_size=MAX_ROWS, **view.query())[:MAX_ROWS]
    header = [translate(title, context=view.request) for _column, title in columns]
    rows = [[cell(row[column]) for column, _title in columns] for row in view.rows(brains)]
    return header, rows


def as_csv(header, rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM: Excel then reads UTF-8


def as_xlsx(header, rows):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="工作台")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def export(view, kind):
    header, rows = table(view)
    form = view.request.form
    terms = {key: form.get(key) for key in sorted(form) if key not in ("export", "b_start")}
    record_access(view.request, "export", query={**terms, "tab": view.tab, "format": kind, "rows": len(rows)})
    content_type, extension = FORMATS[kind]
    body = as_csv(header, rows) if kind == "csv" else as_xlsx(header, rows)
    stamp = now().strftime("%Y%m%d-%H%M")
    response = view.request.response
    no_store(response)
    response.setHeader("Content-Type", content_type)
    response.setHeader("Content-Disposition", f'attachment; filename="worklist-{view.tab}-{stamp}.{extension}"')
    return body
