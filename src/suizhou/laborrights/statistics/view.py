"""``@@statistics`` (the staff's statistics page) and ``@@statistics.xlsx`` (the same tables as
an Excel file). City administrators see every district, a district administrator theirs only;
anyone else is refused. The charts (Apache ECharts, vendored in the theme) are drawn by
``theme/js/statistics.js`` from the same rows as the tables beneath them."""

from AccessControl import Unauthorized
from datetime import date
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights import _
from suizhou.laborrights.audit.log import record_access
from suizhou.laborrights.handling.periods import today
from suizhou.laborrights.http import no_store
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.resources import theme_url
from suizhou.laborrights.staff.administered import administered_district_codes
from suizhou.laborrights.statistics import export_jobs
from suizhou.laborrights.statistics.excel import xlsx_bytes
from suizhou.laborrights.statistics.external import external_table
from suizhou.laborrights.statistics.selection import Period
from suizhou.laborrights.statistics.selection import select
from suizhou.laborrights.statistics.tables import all_tables
from suizhou.laborrights.statistics.tables import format_value
from suizhou.laborrights.statistics.tables import period_label
from suizhou.laborrights.vocabularies import registry_terms
from urllib.parse import urlencode

import json


ECHARTS_VERSION = "6.1.0"  # theme/vendor/echarts/README.md
MSG_DATE = _("statistics_error_date", default="请按“年-月-日”填写日期，例如 2026-01-31。")
MSG_ORDER = _("statistics_error_order", default="开始日期不能晚于结束日期。")


def parse_day(text):
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        return None


class StatisticsMixin:
    """The filters of the request, checked against what the user may see."""

    def read_filters(self):
        form = self.request.form
        self.districts = administered_district_codes()
        if not self.districts:
            raise Unauthorized("statistics are for supervisors")
        self.errors = {}
        self.typed = {
            name: str(form.get(name, "") or "").strip() for name in ("start", "end", "district", "station", "unit")
        }
        default = Period.this_year(today())
        start = parse_day(self.typed["start"]) if self.typed["start"] else default.start
        end = parse_day(self.typed["end"]) if self.typed["end"] else default.end
        if start is None:
            self.errors["start"] = zh(MSG_DATE)
        if end is None:
            self.errors["end"] = zh(MSG_DATE)
        if start and end and start > end:
            self.errors["end"] = zh(MSG_ORDER)
        if self.errors:
            start, end = default.start, default.end  # the figures of the default period meanwhile
        self.period = Period(start, end)
        district = self.typed["district"]
        if district and district not in self.districts:
            raise Unauthorized("not a district of this user")
        self.chosen = [district] if district else self.districts

    def selection(self):
        return select(self.period, self.chosen, station=self.typed["station"], unit=self.typed["unit"])

    def build_tables(self):
        """The site's tables, then the external numbers entered for the districts (外部报送数)."""
        return all_tables(self.selection()) + [external_table(self.period, self.chosen)]


class StatisticsView(StatisticsMixin, BrowserView):
    template = ViewPageTemplateFile("templates/statistics.pt")

    def __call__(self):
        self.read_filters()
        no_store(self.request.response)
        self.tables = self.build_tables()
        return self.template()

    @property
    def period_label(self):
        return period_label(self.period)

    def value(self, value, kind):
        return format_value(value, kind)

    def district_options(self):
        names = dict(registry_terms("districts"))
        return [
            {"value": code, "title": names.get(code, code), "selected": code == self.typed["district"]}
            for code in self.districts
        ]

    def unit_options(self):
        """The stations of the visible districts (for both the station and the unit filter)."""
        brains = api.content.find(portal_type="ServiceStation", district=self.chosen, sort_on="sortable_title")
        return [{"value": brain.UID, "title": brain.Title} for brain in brains]

    def chart_data(self, table):
        """The chart's numbers as JSON (read by theme/js/statistics.js), from the table's rows."""
        columns = [index for index, kind in enumerate(table.kinds) if kind == "int"]
        return json.dumps(
            {
                "type": table.chart,
                "title": table.title,
                "labels": [str(row[0]) for row in table.rows],
                "series": [{"name": table.headers[i], "data": [row[i] for row in table.rows]} for i in columns],
            },
            ensure_ascii=False,
        )

    @property
    def echarts_url(self):
        return f"{theme_url()}/vendor/echarts/echarts.min.js"

    @property
    def script_url(self):
        return f"{theme_url()}/js/statistics.js"

    @property
    def download_url(self):
        query = {} if self.errors else {name: value for name, value in self.typed.items() if value}
        return f"{self.context.absolute_url()}/@@statistics.xlsx" + (f"?{urlencode(query)}" if query else "")


class StatisticsDownload(StatisticsMixin, BrowserView):
    def __call__(self):
        self.read_filters()
        if export_jobs.is_big(self.period, self.chosen):  # built in the background (export_jobs.py)
            return self.request.response.redirect(export_jobs.background_url(self.typed))
        data = xlsx_bytes(self.build_tables(), period_label(self.period))
        record_access(self.request, "export", query=export_jobs.access_terms(self.period, self.chosen, self.typed))
        response = self.request.response
        no_store(response, page=False)
        response.setHeader("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        name = f"statistics-{self.period.start.isoformat()}-{self.period.end.isoformat()}.xlsx"
        response.setHeader("Content-Disposition", f'attachment; filename="{name}"')
        response.setHeader("Content-Length", str(len(data)))
        return data
