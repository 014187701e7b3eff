"""External numbers (外部报送数): figures the site does not hold but the city reports with its own
— the 12345 platform's, the arbitration commission's and the court's — entered per district and
month by an administrator (``@@external-figures``), shown on the statistics page and as a sheet
of its workbook.

Kept in the site's annotations (``ANNOTATION_KEY``: "<district>/<yyyy-mm>" -> an entry with the
values, and each change with who and when), never in the catalog; the store is made by the
first save, so no upgrade step.
"""

from BTrees.OOBTree import OOBTree
from decimal import Decimal
from decimal import InvalidOperation
from fractions import Fraction
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.statistics.tables import Table
from suizhou.laborrights.vocabularies import registry_terms
from zope.annotation.interfaces import IAnnotations

import re


ANNOTATION_KEY = "suizhou.laborrights.external_figures"

SOURCES = {
    "hotline": _("external_source_hotline", default="12345 政务服务便民热线"),
    "arbitration": _("external_source_arbitration", default="劳动人事争议仲裁委员会"),
    "court": _("external_source_court", default="人民法院"),
}
SOURCE_SHORT = {
    "hotline": _("external_short_hotline", default="12345"),
    "arbitration": _("external_short_arbitration", default="仲裁委"),
    "court": _("external_short_court", default="法院"),
}

# (code, source, label, kind): kind "int" is a count, "rate" a percentage typed as 0–100.
FIELDS = (
    ("hotline_received", "hotline", _("external_hotline_received", default="受理量"), "int"),
    ("hotline_completion_rate", "hotline", _("external_hotline_completion_rate", default="办结率（%）"), "rate"),
    ("hotline_satisfaction_rate", "hotline", _("external_hotline_satisfaction_rate", default="满意率（%）"), "rate"),
    ("arbitration_filed", "arbitration", _("external_arbitration_filed", default="立案数"), "int"),
    ("arbitration_closed", "arbitration", _("external_arbitration_closed", default="结案数"), "int"),
    ("court_mediation", "court", _("external_court_mediation", default="诉调对接数"), "int"),
    ("court_confirmation", "court", _("external_court_confirmation", default="司法确认数"), "int"),
)
FIELD_CODES = tuple(code for code, _source, _label, _kind in FIELDS)
MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
MAX_COUNT = 10_000_000

MSG_MONTH = _("external_error_month", default="请按“年-月”填写月份，例如 2026-01。")
MSG_FUTURE = _("external_error_future", default="不能填写尚未到来的月份。")
MSG_COUNT = _("external_error_count", default="请填写 0 或正整数（不带小数点和单位）。")
MSG_RATE = _("external_error_rate", default="请填写 0 至 100 之间的百分数，最多两位小数，例如 96.5（不带 % 号）。")
MSG_DISTRICT = _("external_error_district", default="请选择区县。")
MSG_EMPTY = _("external_error_empty", default="请至少填写一项数字。")


def parse_month(text, today):
    """("2026-01", None) for a valid month not after ``today``'s, else (None, message)."""
    match = MONTH.match((text or "").strip())
    if not match or not (2000 <= int(match.group(1)) <= 2100 and 1 <= int(match.group(2)) <= 12):
        return None, zh(MSG_MONTH)
    month = f"{int(match.group(1)):04d}-{int(match.group(2)):02d}"
    if month > today.isoformat()[:7]:
        return None, zh(MSG_FUTURE)
    return month, None


def parse_value(text, kind):
    """(value, None), (None, None) for an empty field, or (None, message)."""
    text = (text or "").strip().replace(",", "").replace("，", "")
    if not text:
        return None, None
    if kind == "int":
        if not text.isdigit() or int(text) > MAX_COUNT:
            return None, zh(MSG_COUNT)
        return int(text), None
    text = text.rstrip("%％").strip()
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None, zh(MSG_RATE)
    if not value.is_finite() or not (0 <= value <= 100) or value.as_tuple().exponent < -2:
        return None, zh(MSG_RATE)
    return value, None


def parse_values(form):
    """({code: value or None}, {code: message}) of the submitted fields."""
    values, errors = {}, {}
    for code, _source, _label, kind in FIELDS:
        values[code], error = parse_value(str(form.get(code, "") or ""), kind)
        if error:
            errors[code] = error
    return values, errors


def _store(create=False):
    annotations = IAnnotations(api.portal.get())
    if ANNOTATION_KEY not in annotations and create:
        annotations[ANNOTATION_KEY] = OOBTree()
    return annotations.get(ANNOTATION_KEY)


def find(district, month):
    store = _store()
    return store.get(f"{district}/{month}") if store is not None else None


def save(district, month, values):
    """Store ``values`` (every field: a number or None) for ``district`` and ``month``; the
    change is recorded with who and when. Returns {code: (old, new)} of what changed."""
    store = _store(create=True)
    key = f"{district}/{month}"
    if key not in store:
        store[key] = PersistentMapping(
            district=district, month=month, values=PersistentMapping(), history=PersistentList()
        )
    entry = store[key]
    changes = {
        code: (entry["values"].get(code), values.get(code))
        for code in FIELD_CODES
        if entry["values"].get(code) != values.get(code)
    }
    if changes:
        entry["values"].update({code: new for code, (_old, new) in changes.items()})
        entry["history"].append(
            PersistentMapping(who=api.user.get_current().getId(), when=now(), changes=dict(changes))
        )
    return changes


def entries(districts, start_month="", end_month="9999-99"):
    """The entries of ``districts`` for the months ``start_month``..``end_month`` (both
    included, "yyyy-mm"), by district (in the order given) and month."""
    store = _store()
    if store is None:
        return []
    found = []
    for district in districts:
        found += [
            entry
            for _key, entry in store.items(min=f"{district}/{start_month}", max=f"{district}/{end_month}")
            if entry["district"] == district
        ]
    return found


def display(value, kind):
    """A stored value as a form field shows it again."""
    if value is None:
        return ""
    return format(value, "f") if kind == "rate" else str(value)


def field_title(code):
    for field_code, source, label, _kind in FIELDS:
        if field_code == code:
            return f"{zh(SOURCE_SHORT[source])}·{zh(label)}"
    return code


def external_table(period, districts):
    """The entered numbers of ``districts`` for the months the period touches, as a statistics
    table (the page's section and the workbook's sheet)."""
    names = dict(registry_terms("districts"))
    rows = []
    for entry in entries(districts, period.start.isoformat()[:7], period.end.isoformat()[:7]):
        row = [names.get(entry["district"], entry["district"]), entry["month"]]
        for code, _source, _label, kind in FIELDS:
            value = entry["values"].get(code)
            row.append(Fraction(value) / 100 if kind == "rate" and value is not None else value)
        rows.append(row)
    sources = "；".join(f"{zh(SOURCE_SHORT[code])}：{zh(title)}" for code, title in SOURCES.items())
    return Table(
        id="external",
        title=zh(_("table_external", default="外部报送数")),
        headers=[zh(_("col_district", default="区县")), zh(_("col_month", default="月份"))]
        + [field_title(code) for code in FIELD_CODES],
        kinds=["text", "text"] + ["rate" if kind == "rate" else "int" for _c, _s, _l, kind in FIELDS],
        rows=rows,
        note=zh(
            _(
                "note_external",
                default="外部报送数：由各单位报送、管理员按月录入的数字，不是本系统统计的结果。来源——${sources}。"
                "按月份录入，统计期间涉及的月份整月列出；“—”为未报送。",
                mapping={"sources": sources},
            )
        ),
    )
