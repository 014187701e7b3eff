"""The assessment report (考核情况通报): the ranking, then each district's criteria with the
data, the self-assessment and its notes, the city's review and the final scores.

As .docx: the default Word template ``templates_docx/assessment_report.docx`` (built by
scripts/make_assessment_report_template.py) filled by the documents package's renderer
(``docx_templates.render``: docxtpl in Jinja's sandbox). As PDF: on the documents package's
shared set-up (A4, the embedded Chinese font)."""

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer
from suizhou.laborrights import _
from suizhou.laborrights.documents import docx_templates
from suizhou.laborrights.documents.pdf_base import a4_pdf
from suizhou.laborrights.documents.pdf_base import paragraph
from suizhou.laborrights.documents.pdf_base import style
from suizhou.laborrights.documents.pdf_base import table
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.timezone import chinese_date

import pathlib


TITLE = style("assessment-title", fontSize=16, leading=22, alignment=1)
HEADING = style("assessment-heading", fontSize=12, leading=18, spaceBefore=6)
CELL = style("assessment-cell", fontSize=9, leading=12)
GRID = [("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee"))]


def _cells(row):
    return [paragraph(value, CELL) for value in row]


def _score(value):
    return "—" if value is None else str(value)


def report_title(year_label):
    return zh(
        _(
            "assessment_report_title",
            default="劳动保障维权一站式服务考核情况通报（${year}）",
            mapping={"year": year_label},
        )
    )


def report_pdf(year_label, ranked, unranked, criteria):
    title = report_title(year_label)
    story = [paragraph(title, TITLE), Spacer(1, 6 * mm)]
    head = [zh(_("名次")), zh(_("区县")), zh(_("总分")), zh(_("状态"))]
    rows = [head] + [[str(s["place"]), s["title"], f"{s['total']}/{s['max_total']}", ""] for s in ranked]
    rows += [
        ["—", s["title"], f"{s['total']}/{s['max_total']}", zh(_("assessment_not_ranked", default="数据不足，不排名"))]
        for s in unranked
    ]
    story.append(table([_cells(r) for r in rows], [20 * mm, 50 * mm, 35 * mm, 65 * mm], GRID))
    for item in ranked + unranked:
        story += [Spacer(1, 4 * mm), paragraph(item["title"], HEADING)]
        head = [zh(_("考核指标")), zh(_("满分")), zh(_("数据")), zh(_("自评")), zh(_("审核")), zh(_("得分"))]
        lines = [head]
        for row in item["rows"]:
            criterion = row["criterion"]
            lines.append(
                [
                    criterion.title,
                    str(criterion.max_score),
                    row["value"],
                    _score(row["self_score"]),
                    _score(row["review_score"]) + (f"（{row['review_reason']}）" if row["review_reason"] else ""),
                    _score(row["final"]),
                ]
            )
        widths = [55 * mm, 15 * mm, 20 * mm, 15 * mm, 45 * mm, 20 * mm]
        story.append(table([_cells(r) for r in lines], widths, GRID, splitInRow=1))
    return a4_pdf(story, title)


TEMPLATE = pathlib.Path(__file__).parent / "templates_docx" / "assessment_report.docx"


def report_fields(year_label, ranked, unranked, state_title, note, office, day):
    """The values of the Word template's tags. ``state_title`` names an assessment's state;
    ``note`` says how the ranking is made; ``office`` issues the report on ``day``."""
    not_ranked = zh(_("assessment_not_ranked", default="数据不足，不排名"))
    ranking = [
        {
            "place": str(item["place"]) if "place" in item else "—",
            "district": item["title"],
            "total": str(item["total"]),
            "max_total": str(item["max_total"]),
            "state": state_title(item["state"]) if "place" in item else f"{not_ranked}（{state_title(item['state'])}）",
        }
        for item in ranked + unranked
    ]
    districts = []
    for item in ranked + unranked:
        if "place" in item:
            place = zh(_("assessment_place", default="第${place}名", mapping={"place": item["place"]}))
        else:
            place = not_ranked
        rows = [
            {
                "criterion": row["criterion"].title,
                "max_score": str(row["criterion"].max_score),
                "value": row["value"] or "—",
                "self_score": _score(row["self_score"]),
                "note": row["note"] or "—",
                "review_score": _score(row["review_score"]),
                "review_reason": row["review_reason"] or "—",
                "final": _score(row["final"]),
            }
            for row in item["rows"]
        ]
        districts.append(
            {
                "place_text": place,
                "title": item["title"],
                "total": str(item["total"]),
                "max_total": str(item["max_total"]),
                "state": state_title(item["state"]),
                "rows": rows,
            }
        )
    return {
        "title": report_title(year_label),
        "office": office,
        "date": chinese_date(day),
        "ranking": ranking,
        "ranking_note": note,
        "districts": districts,
    }


def report_docx(fields):
    """The report as .docx (bytes): the default template filled with ``report_fields``."""
    return docx_templates.render(TEMPLATE.read_bytes(), fields)
