"""``@@statistics-exports``: the background exports (export_jobs.py) — asking for one (the
statistics page's download sends a big selection here), and the list of the user's exports
with their state and download link; ``@@statistics-export-file?id=…`` gives the file to its
requester and the city's administrators only. Asking and downloading go into the access log."""

from AccessControl import Unauthorized
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights import _
from suizhou.laborrights.audit.log import record_access
from suizhou.laborrights.http import no_store
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.staff.administered import administered_district_codes
from suizhou.laborrights.staff.administered import administered_districts
from suizhou.laborrights.statistics import export_jobs
from suizhou.laborrights.statistics.view import StatisticsMixin
from suizhou.laborrights.timezone import format_datetime
from suizhou.laborrights.vocabularies import registry_terms
from urllib.parse import quote
from zExceptions import NotFound


FILTERS = ("start", "end", "district", "station", "unit")


def is_city():
    """Whether the current user administers the whole city (sees and downloads every export)."""
    return administered_districts() is None


class StatisticsExports(StatisticsMixin, BrowserView):
    template = ViewPageTemplateFile("templates/statistics_exports.pt")

    def __call__(self):
        self.read_filters()  # refuses whoever may see no statistics
        no_store(self.request.response)
        self.asking = any(self.request.form.get(name) for name in FILTERS)
        if self.request.method == "POST" and "export" in self.request.form:
            CheckAuthenticator(self.request)
            if not self.errors:
                job = export_jobs.request(
                    self.period, self.chosen, station=self.typed["station"], unit=self.typed["unit"]
                )
                terms = export_jobs.access_terms(self.period, self.chosen, self.typed)
                record_access(self.request, "export", query=terms | {"job": job["id"], "background": "1"})
                return self.request.response.redirect(f"{self.url}?queued={job['id']}")
        return self.template()

    @property
    def url(self):
        return f"{api.portal.get().absolute_url()}/@@statistics-exports"

    @property
    def period_text(self):
        return self.period.start.isoformat() + " 至 " + self.period.end.isoformat()

    def hidden_filters(self):
        return [{"name": name, "value": self.typed[name]} for name in FILTERS if self.typed[name]]

    @property
    def request_help(self):
        return zh(
            _(
                "help_export_request",
                default="统计期间 ${period}，期间受理 ${count} 件。期间超过 ${days} 天或期间受理超过 ${cases} 件的导出"
                "不在页面上立即生成，而在后台生成；生成后在下表“我的导出”中下载，文件保留 ${keep} 天。",
                mapping={
                    "period": self.period_text,
                    "count": export_jobs.received_count(self.period, self.chosen),
                    "days": export_jobs.BACKGROUND_DAYS,
                    "cases": export_jobs.BACKGROUND_CASES,
                    "keep": export_jobs.EXPIRE_DAYS,
                },
            )
        )

    @property
    def queued_message(self):
        if not self.request.form.get("queued"):
            return ""
        return zh(
            _(
                "export_queued",
                default="已开始在后台生成，完成后可在下表下载（文件保留 ${days} 天）。可以离开本页，稍后再来查看。",
                mapping={"days": export_jobs.EXPIRE_DAYS},
            )
        )

    @property
    def show_owner(self):
        return is_city()

    def jobs(self):
        owner = None if self.show_owner else api.user.get_current().getId()
        names = dict(registry_terms("districts"))
        rows = []
        for job in export_jobs.jobs(owner=owner):
            ready = job["state"] == "done" and not export_jobs.expired(job)
            rows.append(
                {
                    "id": job["id"],
                    "created": format_datetime(job["created"]),
                    "owner": job["owner"],
                    "period": job["period_label"],
                    "districts": "、".join(names.get(code, code) for code in job["districts"]),
                    "state": zh(_("export_state_expired", default="已过期"))
                    if export_jobs.expired(job)
                    else zh(export_jobs.STATES[job["state"]]),
                    "error": job.get("error", ""),
                    "url": f"{api.portal.get().absolute_url()}/@@statistics-export-file?id={job['id']}"
                    if ready
                    else "",
                    "expires": format_datetime(job["expires"]) if ready else "",
                }
            )
        return rows


class StatisticsExportFile(BrowserView):
    def __call__(self):
        districts = administered_district_codes()
        job = export_jobs.find(str(self.request.form.get("id", "") or ""))
        user = api.user.get_current().getId()
        allowed = job is not None and districts and (job["owner"] == user or is_city())
        if not allowed or job["state"] != "done" or export_jobs.expired(job) or job["file"] is None:
            if not districts:
                raise Unauthorized("statistics exports are for supervisors")
            raise NotFound("没有这份导出文件")
        terms = {"export": job["id"], "start": job["start"], "end": job["end"], "districts": ",".join(job["districts"])}
        record_access(self.request, "download", query=terms)
        response = self.request.response
        no_store(response, page=False)
        response.setHeader("Content-Type", export_jobs.XLSX_TYPE)
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + quote(export_jobs.filename(job)))
        response.setHeader("Content-Length", str(job["file"].getSize()))
        return job["file"].data
