"""The assessment report as PDF, on the documents package's shared set-up (A4, the embedded
Chinese font): the ranking, then each district's criteria with the final scores."""

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer
from suizhou.laborrights import _
from suizhou.laborrights.documents.pdf_base import a4_pdf
from suizhou.laborrights.documents.pdf_base import paragraph
from suizhou.laborrights.documents.pdf_base import style
from suizhou.laborrights.documents.pdf_base import table
from suizhou.laborrights.i18n import zh


TITLE = style("assessment-title", fontSize=16, leading=22, alignment=1)
HEADING = style("assessment-heading", fontSize=12, leading=18, spaceBefore=6)
CELL = style("assessment-cell", fontSize=9, leading=12)
GRID = [("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee"))]


def _cells(row):
    return [paragraph(value, CELL) for value in row]


def _score(value):
    return "—" if value is None else str(value)


def report_pdf(year_label, ranked, unranked, criteria):
    title = zh(
        _(
            "assessment_report_title",
            default="劳动保障维权一站式服务考核情况通报（${year}）",
            mapping={"year": year_label},
        )
    )
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
