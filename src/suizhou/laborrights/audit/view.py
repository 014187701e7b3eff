"""``@@access-log``: the city administrator reads and filters the access log (nothing else)."""

from datetime import date
from datetime import timedelta
from plone import api
from Products.Five.browser import BrowserView
from suizhou.laborrights import _
from suizhou.laborrights.audit import log
from suizhou.laborrights.handling import periods
from suizhou.laborrights.http import no_store
from suizhou.laborrights.i18n import zh


KIND_TITLES = {
    "view": _("access_kind_view", default="查看案件"),
    "download": _("access_kind_download", default="下载文书/材料"),
    "export": _("access_kind_export", default="导出清单"),
    "search": _("access_kind_search", default="检索案件"),
}
CASE_PAGE = _("access_page_case", default="案件页")
DEFAULT_DAYS = 7
MAX_DAYS = 366
MAX_ROWS = 500
BAD_DATE = _("access_log_bad_date", default="请按“2026-03-07”的格式填写日期。")
BAD_RANGE = _("access_log_bad_range", default="结束日期不能早于开始日期，且一次最多查询366天。")


def parse_day(text):
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


class AccessLogView(BrowserView):
    """Filters (user, case reference, kind, from, to) as GET parameters; a wrong date gets a
    Chinese message at its field and the form keeps what was typed."""

    def __call__(self):
        no_store(self.request.response)
        self.errors = {}
        form = self.request.form
        self.values = {name: (form.get(name) or "").strip() for name in ("user", "case", "kind", "start", "end")}
        today = periods.today()
        start = parse_day(self.values["start"]) if self.values["start"] else today - timedelta(days=DEFAULT_DAYS - 1)
        end = parse_day(self.values["end"]) if self.values["end"] else today
        for name, day in (("start", start), ("end", end)):
            if day is None:
                self.errors[name] = zh(BAD_DATE)
        if not self.errors and (end < start or (end - start).days >= MAX_DAYS):
            self.errors["end"] = zh(BAD_RANGE)
        self.found = []
        if not self.errors:
            self.start, self.end = start, end
            kind = self.values["kind"] if self.values["kind"] in log.KINDS else None
            self.found = log.entries(
                start, end, user=self.values["user"] or None, case=self.values["case"] or None, kind=kind
            )
        return self.index()

    @property
    def kinds(self):
        return [(kind, zh(KIND_TITLES[kind])) for kind in log.KINDS]

    @property
    def period(self):
        return (self.start.isoformat(), self.end.isoformat()) if not self.errors else ("", "")

    def rows(self):
        names = {}
        for entry in self.found[:MAX_ROWS]:
            user = entry.get("user") or ""
            if user not in names:
                member = api.user.get(userid=user) if user else None
                names[user] = (member.getProperty("fullname") if member is not None else "") or user
            yield {
                "time": entry.get("time", "").replace("T", " ")[:19],
                "user": user,
                "fullname": names[user],
                "kind": zh(KIND_TITLES.get(entry.get("kind"), entry.get("kind") or "")),
                "case": entry.get("case") or "",
                "page": self.page_text(entry.get("page")),
                "query": self.query_text(entry.get("query")),
                "client": entry.get("client") or "",
            }

    def page_text(self, page):
        if page is None:
            return ""
        return page or zh(CASE_PAGE)

    def query_text(self, query):
        if isinstance(query, dict):
            return "；".join(f"{key}：{value}" for key, value in query.items())
        return query or ""

    @property
    def truncated(self):
        return len(self.found) > MAX_ROWS
