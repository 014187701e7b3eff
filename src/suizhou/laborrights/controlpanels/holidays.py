"""Control panel 维权平台：节假日安排 (``@@laborrights-holidays``): the State Council's holiday
arrangement of a year, entered one year at a time — days off and make-up working days
(调休上班). Registry records ``suizhou.laborrights.holidays.days_off`` / ``working_days``
(all years, one line a day or a range: ``2027-02-05~2027-02-11|春节``).

A year with both parts entered is counted from them alone; until then its dates are counted
with the statutory fallback of ``handling/holidays.py`` and staff see a warning.

The prefix is a stored name: never change it.
"""

from plone import api
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.supermodel import model
from Products.statusmessages.interfaces import IStatusMessage
from suizhou.laborrights import _
from suizhou.laborrights.handling import holidays
from suizhou.laborrights.handling.clocks import today
from z3c.form import button
from z3c.form import field
from z3c.form import form
from z3c.form.interfaces import WidgetActionExecutionError
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid


PREFIX = holidays.PREFIX


def _day_lines(title, description):
    return schema.Tuple(
        title=title,
        description=description,
        value_type=schema.TextLine(),
        default=(),
        missing_value=(),
        required=False,
    )


class IHolidaySettings(model.Schema):
    """The registry records: every year's entered arrangement."""

    days_off = _day_lines(
        _("label_holiday_days_off", default="放假日期（各年）"),
        _("help_holiday_days_off", default="每行一天或一段：“2027-02-05~2027-02-11|春节”。"),
    )
    working_days = _day_lines(
        _("label_holiday_working_days", default="调休上班日期（各年）"),
        _("help_holiday_working_days", default="每行一天：“2027-02-14|春节调休上班”。"),
    )


class IHolidayYear(Interface):
    """What the form shows: one year's arrangement."""

    year = schema.Int(title=_("label_holiday_year", default="年份"), min=2000, max=2100)
    days_off = _day_lines(
        _("label_holiday_year_days_off", default="放假日期"),
        _(
            "help_holiday_year_days_off",
            default="按国务院办公厅当年的放假安排通知，每行一天或一段连续的日子，含其中的周末："
            "“2027-02-05~2027-02-11|春节”“2027-01-01|元旦”。",
        ),
    )
    working_days = _day_lines(
        _("label_holiday_year_working_days", default="调休上班日期"),
        _(
            "help_holiday_year_working_days",
            default="通知中调为上班的周六、周日，每行一天：“2027-02-14|春节调休上班”。"
            "放假日期和调休上班日期都录入后，该年才算录入完成。",
        ),
    )


def _year_of(request):
    for key in ("form.widgets.year", "year"):
        try:
            return int(str(request.form.get(key, "")).replace(",", "").strip())
        except ValueError:
            continue
    return today().year + 1


def _lines_of(record, year):
    lines = api.portal.get_registry_record(f"{PREFIX}.{record}", default=()) or ()
    return tuple(line for line in lines if year in holidays.line_years(line))


def _store(record, year, lines):
    """Replace the year's lines of a record, keeping the other years', in date order."""
    kept = [
        line
        for line in api.portal.get_registry_record(f"{PREFIX}.{record}", default=()) or ()
        if year not in holidays.line_years(line)
    ]
    merged = sorted(kept + list(lines), key=lambda line: line.strip())
    api.portal.set_registry_record(f"{PREFIX}.{record}", tuple(merged))


def _check(name, year, lines):
    for line in lines:
        try:
            dates, _note = holidays.parse_day_line(line)
        except ValueError:
            raise WidgetActionExecutionError(
                name,
                Invalid(
                    _(
                        "error_holiday_line",
                        default="无法识别“${line}”：请写“2027-02-05|说明”或“2027-02-05~2027-02-11|说明”。",
                        mapping={"line": line},
                    )
                ),
            ) from None
        if any(day.year != year for day in dates):
            raise WidgetActionExecutionError(
                name,
                Invalid(
                    _(
                        "error_holiday_line_year",
                        default="“${line}”不在${year}年内。",
                        mapping={"line": line, "year": year},
                    )
                ),
            )


class HolidaySettingsForm(form.Form):
    fields = field.Fields(IHolidayYear)
    ignoreContext = False
    label = _("label_holiday_controlpanel", default="维权平台：节假日安排")

    def getContent(self):
        year = _year_of(self.request)
        return {
            "year": year,
            "days_off": _lines_of("days_off", year),
            "working_days": _lines_of("working_days", year),
        }

    def update(self):
        super().update()
        year = _year_of(self.request)
        self.year = year
        self.entered = holidays.Arrangement().entered(year)
        self.fallback = holidays.statutory_holidays(year)

    @property
    def description(self):
        year = self.year
        if self.entered:
            return _(
                "help_holiday_year_entered",
                default="${year}年的节假日安排已录入，办理期限按录入的放假和调休上班日期计算。",
                mapping={"year": year},
            )
        if holidays.PACKAGE_FIRST_YEAR <= year <= holidays.PACKAGE_LAST_YEAR:
            return _(
                "help_holiday_year_builtin",
                default="${year}年的节假日安排已内置，无需录入；此处录入的日期作为更正。",
                mapping={"year": year},
            )
        return _(
            "help_holiday_year_not_entered",
            default="${year}年的节假日安排尚未录入完整（须有放假日期和调休上班日期），"
            "期限暂按法定节日推算：${days}；调休上班日不计。",
            mapping={
                "year": year,
                "days": "、".join(f"{day:%m-%d}{name}" for day, name in self.fallback.items()),
            },
        )

    @button.buttonAndHandler(_("button_holiday_show_year", default="查看该年"), name="show")
    def handle_show(self, action):
        year = _year_of(self.request)
        self.request.response.redirect(f"{self.request.getURL()}?year={year}")

    @button.buttonAndHandler(_("button_save", default="保存"), name="save")
    def handle_save(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        year = data["year"]
        _check("days_off", year, data["days_off"] or ())
        _check("working_days", year, data["working_days"] or ())
        _store("days_off", year, data["days_off"] or ())
        _store("working_days", year, data["working_days"] or ())
        IStatusMessage(self.request).addStatusMessage(
            _("status_holiday_year_saved", default="${year}年的节假日安排已保存。", mapping={"year": year}),
            "info",
        )
        self.request.response.redirect(f"{self.request.getURL()}?year={year}")


class HolidaySettingsView(ControlPanelFormWrapper):
    form = HolidaySettingsForm
