"""The tables of the statistics page, its charts and its Excel file: one list of ``Table``s built
from a ``Selection``, so the page, the charts and the download always show the same numbers.

Column kinds: "text", "int", "yuan", "rate" (a Fraction), "days", "level" (an average level).
"""

from dataclasses import dataclass
from dataclasses import field
from suizhou.laborrights import _
from suizhou.laborrights.cases.closure import RESOLUTION_LEVELS
from suizhou.laborrights.handling.periods import STAGES
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.statistics import figures as f
from suizhou.laborrights.statistics.ratings import TITLES
from suizhou.laborrights.vocabularies import registry_terms
from suizhou.laborrights.vocabularies import Stations


# A ranking lists only those with at least this many cases behind the figure: one case would
# otherwise top the list (what councils asked of FixMyStreet's dashboard).
MIN_RANKED = 10


@dataclass
class Table:
    id: str
    title: str
    headers: list
    kinds: list
    rows: list = field(default_factory=list)
    note: str = ""  # the definitions, shown under the table and in the Excel sheet
    chart: str = ""  # "bar", "line" or "" (no chart); drawn from the first columns of kind int

    def cells(self):
        """Each row as [(value, kind), …]. A "mixed" column takes its kind from the row's
        last element (the item tables: one figure of its own kind per row)."""
        for row in self.rows:
            if "mixed" in self.kinds:
                yield [(row[0], "text"), (row[1], row[2])]
            else:
                yield list(zip(row, self.kinds))


def period_label(period):
    return zh(
        _("statistics_period", default="${start} 至 ${end}（按北京时间）"),
        start=period.start.isoformat(),
        end=period.end.isoformat(),
    )


def official_table(s):
    arb_received = f.accepted(f.on_route(s.received, "arbitration"))
    arb_closed = f.on_route(s.closed, "arbitration")
    pending = s.arbitration_pending
    causes = f.by_cause(arb_received)
    ways = f.closed_by_way(arb_closed)
    results = f.award_results(arb_closed)
    coll = f.collective(arb_received)
    rows = [
        (_("official_pending", default="上期未结案件数"), len(pending), "int"),
        (_("official_received", default="当期案件受理数"), len(arb_received), "int"),
        (_("official_received_collective", default="　其中：集体劳动争议案件数"), len(coll), "int"),
        (_("official_received_individual", default="　　　　劳动者申诉案件数"), len(arb_received) - len(coll), "int"),
        (_("official_cause_pay", default="　按争议原因：劳动报酬"), causes["pay"], "int"),
        (_("official_cause_insurance", default="　　　　　　社会保险"), causes["insurance"], "int"),
        (_("official_cause_contract", default="　　　　　　变更、解除、终止劳动合同"), causes["contract"], "int"),
        (_("official_cause_other", default="　　　　　　其他"), causes["other"], "int"),
        (_("official_workers", default="劳动者当事人数"), f.workers(arb_received), "int"),
        (_("official_workers_collective", default="　其中：集体争议劳动者当事人数"), f.workers(coll), "int"),
        (_("official_closed", default="结案数"), sum(ways.values()), "int"),
        (_("official_way_mediated", default="　按处理方式：仲裁调解"), ways["mediated"], "int"),
        (_("official_way_award", default="　　　　　　仲裁裁决"), ways["award"], "int"),
        (_("official_way_other", default="　　　　　　其他方式"), ways["other"], "int"),
        (_("official_result_employer", default="　按处理结果：用人单位胜诉"), results["employer_won"], "int"),
        (_("official_result_worker", default="　　　　　　劳动者胜诉"), results["worker_won"], "int"),
        (_("official_result_partly", default="　　　　　　双方部分胜诉"), results["partly"], "int"),
        (_("official_outside_mediation", default="案外调解案件数"), len(f.outside_mediation(s.closed)), "int"),
        (_("official_amount", default="涉案金额（元）"), f.amount_claimed(arb_received), "yuan"),
        (
            _("official_closure_rate", default="仲裁结案率"),
            f.arbitration_closure_rate(arb_closed, f.on_route(s.received, "arbitration"), pending),
            "rate",
        ),
    ]
    return Table(
        id="official",
        title=zh(_("table_official", default="劳动争议处理情况")),
        headers=[zh(_("col_item", default="项目")), zh(_("col_value", default="数值"))],
        kinds=["text", "mixed"],
        rows=[[zh(label), value, kind] for label, value, kind in rows],
        note=zh(
            _(
                "note_official",
                default="仲裁案件（分办去向为仲裁）。受理数不含不予受理；集体劳动争议为十人以上（含十人）；"
                "按争议原因按事项的第一项争议类型计；结案数含撤回（其他方式），不含不予受理；"
                "仲裁结案率 = 结案数 ÷（当期受理数 + 上期未结数）。案外调解（调解途径达成协议或和解的事项）"
                "单列，不计入仲裁结案数和结案率。",
            )
        ),
    )


def mediation_table(s):
    results = f.mediation_results(s.closed)
    labels = {
        "agreement": _("mediation_result_agreement", default="达成协议"),
        "settlement": _("mediation_result_settlement", default="和解"),
        "failed": _("mediation_result_failed", default="未达成协议"),
        "withdrawn": _("mediation_result_withdrawn", default="撤回"),
    }
    rows = [[zh(_("mediation_closed", default="调解结案数")), sum(results.values()), "int"]]
    rows += [[zh(labels[kind]), number, "int"] for kind, number in results.items()]
    rows.append([zh(_("mediation_success_rate", default="调解成功率")), f.mediation_success_rate(s.closed), "rate"])
    return Table(
        id="mediation",
        title=zh(_("table_mediation", default="调解情况")),
        headers=[zh(_("col_item", default="项目")), zh(_("col_value", default="数值"))],
        kinds=["text", "mixed"],
        rows=rows,
        note=zh(
            _(
                "note_mediation",
                default="期内办结的调解事项。调解结案数 = 达成协议 + 和解 + 未达成协议 + 撤回（结案不等于成功）；"
                "调解成功率 =（达成协议 + 和解）÷ 调解结案数。",
            )
        ),
    )


def inspection_table(s):
    rows = [
        (
            _("inspection_received", default="举报投诉案件数"),
            len(f.accepted(f.on_route(s.received, "inspection"))),
            "int",
        ),
        (_("inspection_closed", default="办结数"), len(f.on_route(s.closed, "inspection")), "int"),
        (_("inspection_completion_rate", default="投诉办结率"), f.inspection_completion_rate(s.received), "rate"),
        (
            _("label_wages_paid_workers", default="追发工资等待遇人数"),
            f.inspection_sum(s.closed, "wages_paid_workers"),
            "int",
        ),
        (
            _("label_wages_paid_amount", default="追发工资等待遇金额（元）"),
            f.inspection_sum(s.closed, "wages_paid_amount"),
            "yuan",
        ),
        (
            _("label_social_insurance_workers", default="督促补缴社会保险人数"),
            f.inspection_sum(s.closed, "social_insurance_workers"),
            "int",
        ),
        (
            _("label_social_insurance_amount", default="督促补缴社会保险金额（元）"),
            f.inspection_sum(s.closed, "social_insurance_amount"),
            "yuan",
        ),
        (
            _("label_contracts_signed_workers", default="补签劳动合同人数"),
            f.inspection_sum(s.closed, "contracts_signed_workers"),
            "int",
        ),
        (_("inspection_police", default="移送公安机关件数"), f.referred_to_police(s.closed), "int"),
    ]
    return Table(
        id="inspection",
        title=zh(_("table_inspection", default="劳动保障监察")),
        headers=[zh(_("col_item", default="项目")), zh(_("col_value", default="数值"))],
        kinds=["text", "mixed"],
        rows=[[zh(label), value, kind] for label, value, kind in rows],
        note=zh(
            _(
                "note_inspection",
                default="分办去向为劳动监察的事项。案件数按受理时间，其余按办结时间；人数、金额为办结时填写的数字之和；"
                "投诉办结率 = 期内受理的投诉中已办结的 ÷ 期内受理的投诉。",
            )
        ),
    )


def _count_table(id_, title, counts, names, note, chart="bar"):
    rows = [[names.get(code, code or "—"), number] for code, number in counts.items()]
    rows.sort(key=lambda row: (-row[1], str(row[0])))  # equal counts by name, whatever the records order
    return Table(
        id=id_,
        title=title,
        headers=[zh(_("col_item", default="项目")), zh(_("col_cases", default="事项数"))],
        kinds=["text", "int"],
        rows=rows,
        note=note,
        chart=chart,
    )


def channel_table(s):
    return _count_table(
        "channels",
        zh(_("table_channels", default="受理渠道")),
        f.by_channel(s.received),
        dict(registry_terms("channels")),
        zh(_("note_channels", default="期内受理的全部事项，按受理渠道。")),
    )


def dispute_type_table(s):
    return _count_table(
        "dispute_types",
        zh(_("table_dispute_types", default="争议类型")),
        f.by_dispute_type(s.received),
        dict(registry_terms("dispute_types")),
        zh(_("note_dispute_types", default="期内受理的全部事项；一件事项涉及几类争议即在几类中各计一次。")),
    )


def month_table(s):
    received = f.by_month(s.received, "received")
    closed = f.by_month(s.closed, "closed")
    months = sorted(set(received) | set(closed))
    return Table(
        id="months",
        title=zh(_("table_months", default="按月受理与办结")),
        headers=[
            zh(_("col_month", default="月份")),
            zh(_("col_received", default="受理数")),
            zh(_("col_closed", default="办结数")),
        ],
        kinds=["text", "int", "int"],
        rows=[[month, received.get(month, 0), closed.get(month, 0)] for month in months],
        note=zh(_("note_months", default="受理数按受理时间、办结数按办结时间所在月份（北京时间）。")),
        chart="line",
    )


def clock_table(s):
    rows = []
    for code, stage in STAGES.items():
        results = f.clock_results(s.closed, code)
        rows.append([zh(stage.title), len(results), sum(1 for r in results if r), f.on_time_rate(s.closed, code)])
    all_results = f.clock_results(s.closed)
    rows.append(
        [
            zh(_("all_clocks", default="全部")),
            len(all_results),
            sum(1 for r in all_results if r),
            f.on_time_rate(s.closed),
        ]
    )
    return Table(
        id="clocks",
        title=zh(_("table_clocks", default="法定时限按期办结率")),
        headers=[
            zh(_("col_stage", default="法定时限")),
            zh(_("col_clocks", default="已结束的时限数")),
            zh(_("col_on_time", default="按期数")),
            zh(_("col_on_time_rate", default="按期率")),
        ],
        kinds=["text", "int", "int", "rate"],
        rows=rows,
        note=zh(
            _(
                "note_clocks",
                default="期内办结事项的各法定时限：在到期日当日或之前结束的为按期；中止（暂停）期间不计入时限。",
            )
        ),
    )


def resolution_level_table(s):
    """小事不出村、大事不出镇: at which level the matters closed in the period were settled."""
    counts = f.by_resolution_level(s.closed)
    rows = [[zh(RESOLUTION_LEVELS.by_value[level].title), counts[level]] for level in RESOLUTION_LEVELS.by_value]
    rows.append([zh(_("resolution_level_unknown", default="未记录层级")), counts[None]])
    return Table(
        id="resolution_levels",
        title=zh(_("table_resolution_levels", default="化解层级")),
        headers=[zh(_("label_resolution_level", default="化解层级")), zh(_("col_cases", default="事项数"))],
        kinds=["text", "int"],
        rows=rows,
        note=zh(
            _(
                "note_resolution_levels",
                default="期内结案的事项（不含撤回、不予受理）按化解层级：服务点（村、社区）、服务站（乡镇、街道）、"
                "维权中心（区县、市）、1+X 合作单位。“未记录层级”为记录层级以前结案、且无法按承办单位推定层级的事项。",
            )
        ),
        chart="bar",
    )


GROUP_HEADERS = (
    _("col_received", default="受理数"),
    _("col_closed", default="办结数"),
    _("mediation_success_rate", default="调解成功率"),
    _("col_on_time_rate", default="按期率"),
    _("col_average_days", default="平均办结天数"),
    _("col_median_days", default="办结天数中位数"),
    _("col_claimed", default="请求金额（元）"),
    _("col_recovered", default="挽回金额（元）"),
    _("col_benefited", default="惠及劳动者人数"),
    _("col_satisfaction_average", default="满意度均分"),
    _("col_satisfied_share", default="满意率"),
)
GROUP_KINDS = ["int", "int", "rate", "rate", "days", "days", "yuan", "yuan", "int", "level", "rate"]


def group_row(received, closed):
    days = f.days_to_close(closed)
    return [
        len(received),
        len(closed),
        f.mediation_success_rate(closed),
        f.on_time_rate(closed),
        f.average_days(days),
        f.median_days(days),
        f.amount_claimed(received),
        f.amount_recovered(closed),
        f.workers_benefited(closed),
        f.satisfaction_average(closed),
        f.satisfied_share(closed),
    ]


def _grouped(s, key):
    """{group: (received, closed)}; ``key`` names a record field, or "month" (the month of
    receipt for the received, of closure for the closed)."""
    groups = {}
    for index, records in enumerate((s.received, s.closed)):
        for record in records:
            if key == "month":
                group = (record.received if index == 0 else record.closed)[:7]
            else:
                group = getattr(record, key)
            groups.setdefault(group, ([], []))[index].append(record)
    return groups


def group_table(s, key, id_, title, names):
    groups = _grouped(s, key)
    rows = [[names.get(code, code or "—")] + group_row(*groups[code]) for code in sorted(groups, key=str)]
    return Table(
        id=id_,
        title=title,
        headers=[title.replace("按", "", 1)] + [zh(h) for h in GROUP_HEADERS],
        kinds=["text"] + GROUP_KINDS,
        rows=rows,
        note=zh(
            _(
                "note_groups",
                default="受理数、请求金额按受理时间；其余按办结时间。办结天数为受理至办结的日历天数；"
                "满意度均分：非常满意 5 分至非常不满意 1 分；满意率 =（非常满意 + 满意 + 基本满意）÷ 已评价数。",
            )
        ),
    )


def satisfaction_table(s):
    levels = f.satisfaction_levels(s.closed)
    rows = [[zh(TITLES[level]), number] for level, number in levels.items()]
    return Table(
        id="satisfaction",
        title=zh(_("table_satisfaction", default="服务评价（好差评）")),
        headers=[zh(_("col_level", default="评价")), zh(_("col_cases", default="事项数"))],
        kinds=["text", "int"],
        rows=rows,
        note=zh(
            _(
                "note_satisfaction",
                default="期内办结且已评价的事项。原五星评价按 5 星 = 非常满意 … 1 星 = 非常不满意 计入。"
                "均分 ${average}，满意率 ${share}。",
                mapping={
                    "average": f.satisfaction_average(s.closed) or "—",
                    "share": format_rate(f.satisfied_share(s.closed)),
                },
            )
        ),
        chart="bar",
    )


def hotline_table(s):
    received = f.hotline(s.received)
    closed = f.hotline(s.closed)
    rows = [
        (_("hotline_received", default="12345 工单事项数"), len(received), "int"),
        (_("hotline_ended", default="其中已办结"), sum(1 for r in received if r.closed), "int"),
        (_("hotline_completion_rate", default="办结率"), f.hotline_completion_rate(s.received), "rate"),
        (_("hotline_rated", default="期内办结并评价数"), len(f.rated(closed)), "int"),
        (_("hotline_satisfaction_rate", default="满意率"), f.hotline_satisfaction_rate(s.closed), "rate"),
        (_("hotline_legal_route", default="导入法定途径（仲裁）的诉求"), len(f.legal_route(received)), "int"),
    ]
    return Table(
        id="hotline",
        title=zh(_("table_hotline", default="12345 热线工单")),
        headers=[zh(_("col_item", default="项目")), zh(_("col_value", default="数值"))],
        kinds=["text", "mixed"],
        rows=[[zh(label), value, kind] for label, value, kind in rows],
        note=zh(
            _(
                "note_hotline",
                default="受理渠道为 12345 或带 12345 工单号的事项。办结率 = 期内受理的工单中已办结的 ÷ 期内受理的工单；"
                "满意率按期内办结并评价的工单计，导入仲裁等法定途径的诉求单列，不计入满意率。",
            )
        ),
    )


def ranking_table(s, districts):
    names = dict(registry_terms("districts"))
    groups = _grouped(s, "district")
    rows = []
    for code in districts:
        _received, closed = groups.get(code, ([], []))
        mediations = len(f.mediation_closed(closed))
        clocks = len(f.clock_results(closed))
        rows.append(
            [
                names.get(code, code),
                mediations,
                f.mediation_success_rate(closed) if mediations >= MIN_RANKED else None,
                clocks,
                f.on_time_rate(closed) if clocks >= MIN_RANKED else None,
            ]
        )
    rows.sort(key=lambda row: (row[2] is None, -(row[2] or 0), row[0]))
    return Table(
        id="ranking",
        title=zh(_("table_ranking", default="区县排名")),
        headers=[
            zh(_("col_district", default="区县")),
            zh(_("mediation_closed", default="调解结案数")),
            zh(_("mediation_success_rate", default="调解成功率")),
            zh(_("col_clocks", default="已结束的时限数")),
            zh(_("col_on_time_rate", default="按期率")),
        ],
        kinds=["text", "int", "rate", "int", "rate"],
        rows=rows,
        note=zh(
            _(
                "note_ranking",
                default="按调解成功率排列；调解结案数或已结束的时限数不足 ${minimum} 件的，该项不排名（显示“—”）。",
                mapping={"minimum": MIN_RANKED},
            )
        ),
    )


def all_tables(s):
    stations = {term.value: term.title for term in Stations()}
    districts = dict(registry_terms("districts"))
    return [
        official_table(s),
        mediation_table(s),
        inspection_table(s),
        channel_table(s),
        dispute_type_table(s),
        month_table(s),
        clock_table(s),
        resolution_level_table(s),
        group_table(s, "district", "districts", zh(_("table_by_district", default="按区县")), districts),
        group_table(s, "station", "stations", zh(_("table_by_station", default="按受理场所")), stations),
        group_table(s, "unit", "units", zh(_("table_by_unit", default="按承办单位")), stations),
        group_table(s, "month", "by_month", zh(_("table_by_month", default="按月份")), {}),
        satisfaction_table(s),
        hotline_table(s),
        ranking_table(s, s.districts),
    ]


def format_rate(value):
    return "—" if value is None else f"{float(value) * 100:.1f}%"


def format_value(value, kind):
    """A figure as the page shows it."""
    if value is None:
        return "—"
    if kind == "rate":
        return format_rate(value)
    if kind == "yuan":
        return f"{value:,.2f}"
    return str(value)
