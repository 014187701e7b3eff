"""The statistics as an Excel workbook (openpyxl): one sheet per table, Chinese headers, the
period and the definitions under each table. Plain xlsx only (bold header, column widths,
number formats, the header row frozen), so Excel and WPS open it alike."""

from io import BytesIO
from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from suizhou.laborrights import _
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.spreadsheet import as_text


FORMATS = {"int": "#,##0", "yuan": "#,##0.00", "rate": "0.0%", "days": "0.0", "level": "0.00"}
# Sheet names: at most 31 characters, none of []:*?/\
FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})


def cell_value(value, kind):
    if value is None:
        return None
    if kind == "rate":
        return float(value)
    if kind in ("yuan", "days", "level"):
        return float(value)
    return as_text(value)


def _width(value):
    text = str(value or "")
    return sum(2 if ord(char) > 0x2E7F else 1 for char in text) + 2  # CJK: two columns


def write_table(sheet, table, period_label):
    sheet.append([as_text(header) for header in table.headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for cells in table.cells():
        sheet.append([cell_value(value, kind) for value, kind in cells])
        for column, (_value, kind) in enumerate(cells, 1):
            if kind in FORMATS:
                sheet.cell(row=sheet.max_row, column=column).number_format = FORMATS[kind]
    sheet.freeze_panes = "A2"
    widths = [_width(header) for header in table.headers]
    for row in table.rows:
        for index in range(len(widths)):
            widths[index] = max(widths[index], _width(row[index]))
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width, 10), 60)
    sheet.append([])
    sheet.append([zh(_("label_statistics_period", default="统计期间")) + "：" + period_label])
    sheet.append([as_text(table.note)])


def workbook(tables, period_label):
    book = Workbook()
    book.remove(book.active)
    for table in tables:
        write_table(book.create_sheet(table.title.translate(FORBIDDEN)[:31]), table, period_label)
    return book


def xlsx_bytes(tables, period_label):
    out = BytesIO()
    workbook(tables, period_label).save(out)
    return out.getvalue()
