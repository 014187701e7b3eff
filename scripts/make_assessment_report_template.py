"""Build the default Word template of the assessment report (考核情况通报):
``src/suizhou/laborrights/assessment/templates_docx/assessment_report.docx``.

Run it again after changing the text below and commit the .docx with it:

    bin/zopepy scripts/make_assessment_report_template.py

The tags are docxtpl (Jinja) tags filled by ``assessment/report.py`` (``report_fields``); the page
set-up, fonts and helpers are the documents' (scripts/make_default_templates.py).
"""

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

import pathlib
import sys


# bin/zopepy runs this file without its folder on the path: the documents' helpers are there.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from make_default_templates import _font  # noqa: E402
from make_default_templates import line  # noqa: E402
from make_default_templates import new_document  # noqa: E402
from make_default_templates import title  # noqa: E402


TARGET = (
    pathlib.Path(__file__).resolve().parent.parent
    / "src/suizhou/laborrights/assessment/templates_docx/assessment_report.docx"
)


def loop_table(document, headers, loop, cells):
    """A table with a header row and one row per item (docxtpl's ``{%tr %}`` repeats the middle
    row); ``loop`` is the ``for`` clause, ``cells`` the tags of the repeated row."""
    grid = document.add_table(rows=4, cols=len(headers))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(grid.rows[0].cells, headers):
        _font(cell.paragraphs[0].add_run(text), size=10.5, bold=True)
    _font(grid.rows[1].cells[0].paragraphs[0].add_run(f"{{%tr for {loop} %}}"), size=10.5)
    for cell, text in zip(grid.rows[2].cells, cells):
        _font(cell.paragraphs[0].add_run(text), size=10.5)
    _font(grid.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}"), size=10.5)
    return grid


def assessment_report():
    document = new_document()
    title(document, "{{ title }}")
    line(document, "{{ office }}　{{ date }}", indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=12)
    line(document, "一、考核排名", indent=False, bold=True)
    loop_table(
        document,
        ("名次", "区县", "总分", "满分", "状态"),
        "item in ranking",
        ("{{ item.place }}", "{{ item.district }}", "{{ item.total }}", "{{ item.max_total }}", "{{ item.state }}"),
    )
    line(document, "{{ ranking_note }}", size=10.5)
    line(document, "二、各区县考核情况", indent=False, bold=True)
    line(document, "{%p for district in districts %}", indent=False, size=10.5)
    line(
        document,
        "{{ district.place_text }}　{{ district.title }}：总分 {{ district.total }}/{{ district.max_total }}"
        "（{{ district.state }}）",
        indent=False,
        size=12,
        bold=True,
    )
    loop_table(
        document,
        ("考核指标", "满分", "数据", "自评分", "自评说明", "审核分", "审核意见", "得分"),
        "row in district.rows",
        (
            "{{ row.criterion }}",
            "{{ row.max_score }}",
            "{{ row.value }}",
            "{{ row.self_score }}",
            "{{ row.note }}",
            "{{ row.review_score }}",
            "{{ row.review_reason }}",
            "{{ row.final }}",
        ),
    )
    line(document, "{%p endfor %}", indent=False, size=10.5)
    paragraph = line(document, "（本通报由劳动保障维权一站式服务平台根据考核数据生成）", indent=False, size=10.5)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.paragraph_format.space_before = Pt(12)
    return document


def main():
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    assessment_report().save(TARGET)
    print(TARGET)


if __name__ == "__main__":
    main()
