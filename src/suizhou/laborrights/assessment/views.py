"""The assessment pages. ``@@assessment?district=…&year=…``: the district administrator fills
and submits their district's (自查自评), the city reviews it; anyone else, and another
district's administrator, gets the answer of a made-up address. ``@@assessment-ranking`` and
``@@assessment-report.pdf`` are the city's; ``@@assessment-criteria`` is where it edits the
criteria."""

from AccessControl import Unauthorized
from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from suizhou.laborrights import _
from suizhou.laborrights.assessment import store
from suizhou.laborrights.assessment.criteria import criteria as current_criteria
from suizhou.laborrights.assessment.criteria import CriteriaError
from suizhou.laborrights.assessment.criteria import save as save_criteria
from suizhou.laborrights.assessment.report import report_docx
from suizhou.laborrights.assessment.report import report_fields
from suizhou.laborrights.assessment.report import report_pdf
from suizhou.laborrights.assessment.summary import ranking
from suizhou.laborrights.assessment.summary import summary
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.documents.docx_templates import DOCX_TYPE
from suizhou.laborrights.handling.periods import today
from suizhou.laborrights.http import no_store
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.staff.administered import administered_districts
from suizhou.laborrights.statistics.tables import MIN_RANKED
from suizhou.laborrights.vocabularies import registry_terms
from urllib.parse import quote
from urllib.parse import urlencode
from zExceptions import NotFound


MAX_EVIDENCE = 20 * 1024 * 1024
STATES = {
    "draft": _("assessment_state_draft", default="自查中"),
    "submitted": _("assessment_state_submitted", default="已提交，待市局审核"),
    "reviewed": _("assessment_state_reviewed", default="市局已审核"),
}


def year_of(text):
    try:
        year = int(text) if text else today().year
    except ValueError:
        return None
    return year if 2000 <= year <= 2100 else None


def year_label(year):
    return zh(_("assessment_year", default="${year}年度", mapping={"year": year}))


def _city_only():
    if administered_districts() is not None:
        raise Unauthorized("市局管理员专用")


def _score(text, maximum):
    try:
        value = int(text.strip())
    except ValueError:
        return None
    return value if 0 <= value <= maximum else None


def _bad_score(maximum):
    return zh(_("assessment_error_score", default="请填写 0 至 ${max} 之间的整数分。", mapping={"max": maximum}))


class AssessmentView(BrowserView):
    def __call__(self):
        form = self.request.form
        self.year = year_of(form.get("year"))
        self.district = form.get("district", "")
        names = dict(registry_terms("districts"))
        seen = administered_districts()
        if not self.district and self.year is not None:
            return self._own(seen)
        allowed = seen is None or self.district in seen
        if self.year is None or self.district not in names or not allowed:
            raise NotFound("没有这份考核")
        no_store(self.request.response)
        self.is_city = seen is None
        self.district_title = names[self.district]
        self.errors, self.message = {}, ""
        self.criteria = current_criteria()
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            if self._handle():
                return self.request.response.redirect(self.url)
        self.data = summary(self.district, self.year, self.criteria)
        return self.index()

    def _own(self, seen):
        """Without a district: the city to the ranking, a district administrator to theirs."""
        portal_url = api.portal.get().absolute_url()
        if seen is None:
            return self.request.response.redirect(f"{portal_url}/@@assessment-ranking?year={self.year}")
        if len(seen) != 1:
            raise NotFound("没有这份考核")
        [self.district] = seen
        return self.request.response.redirect(self.url)

    @property
    def url(self):
        query = urlencode({"district": self.district, "year": self.year})
        return f"{api.portal.get().absolute_url()}/@@assessment?{query}"

    @property
    def year_label(self):
        return year_label(self.year)

    def state_title(self):
        return zh(STATES[self.data["state"]])

    @property
    def may_fill(self):
        return not self.is_city and self._state() == "draft"

    @property
    def may_review(self):
        return self.is_city and self._state() == "submitted"

    def _state(self):
        assessment = store.find(self.district, self.year)
        return assessment["state"] if assessment else "draft"

    def basis(self, row):
        return zh(_("assessment_basis", default="依据 ${count} 件", mapping={"count": row["count"]}))

    def typed(self, name, default=""):
        value = self.request.form.get(name)
        return default if value is None else value

    def evidence_url(self, code, index):
        query = urlencode({"district": self.district, "year": self.year, "code": code, "n": index})
        return f"{api.portal.get().absolute_url()}/@@assessment-evidence?{query}"

    def _handle(self):
        form = self.request.form
        if self.may_fill and ("save" in form or "submit" in form):
            return self._fill(submit="submit" in form)
        if self.may_review and "review" in form:
            return self._review()
        self.message = zh(_("assessment_error_state", default="这份考核当前不能这样操作。"))
        return False

    def _fill(self, submit):
        form = self.request.form
        scores, uploads = {}, {}
        for criterion in self.criteria:
            if criterion.from_data:
                continue
            upload = form.get(f"evidence_{criterion.code}")
            if upload and getattr(upload, "filename", ""):
                uploads[criterion.code] = (upload.filename, upload.read(MAX_EVIDENCE + 1))
                if len(uploads[criterion.code][1]) > MAX_EVIDENCE:
                    self.errors[criterion.code] = zh(_("assessment_error_file", default="证明材料不能超过 20 MB。"))
            text = str(form.get(f"score_{criterion.code}", "") or "")
            if text.strip():
                scores[criterion.code] = _score(text, criterion.max_score)
                if scores[criterion.code] is None:
                    self.errors[criterion.code] = _bad_score(criterion.max_score)
            elif submit:
                self.errors[criterion.code] = zh(_("assessment_error_required", default="提交前请为此项打分。"))
        if self.errors:
            return False
        assessment = store.get_or_create(self.district, self.year)
        for criterion in self.criteria:
            if criterion.from_data:
                continue
            entry = store.entry(assessment, criterion.code, create=True)
            entry["score"] = scores.get(criterion.code)
            entry["note"] = str(form.get(f"note_{criterion.code}", "") or "").strip()
            if criterion.code in uploads:
                filename, data = uploads[criterion.code]
                entry["files"].append(NamedBlobFile(data=data, filename=filename))
        if submit:
            assessment["state"] = "submitted"
            assessment["submitted"] = (api.user.get_current().getId(), now())
        return True

    def _review(self):
        form = self.request.form
        data = summary(self.district, self.year, self.criteria)
        changes = {}
        for row in data["rows"]:
            criterion = row["criterion"]
            text = str(form.get(f"review_{criterion.code}", "") or "").strip()
            reason = str(form.get(f"reason_{criterion.code}", "") or "").strip()
            if not text or (row["self_score"] is not None and text == str(row["self_score"])):
                changes[criterion.code] = (None, "")  # accepted as it is
                continue
            score = _score(text, criterion.max_score)
            if score is None:
                self.errors[criterion.code] = _bad_score(criterion.max_score)
            elif not reason:
                self.errors[criterion.code] = zh(_("assessment_error_reason", default="改分须写明理由。"))
            else:
                changes[criterion.code] = (score, reason)
        if self.errors:
            return False
        assessment = store.get_or_create(self.district, self.year)
        for code, (score, reason) in changes.items():
            entry = store.entry(assessment, code, create=True)
            entry["review_score"], entry["review_reason"] = score, reason
            entry["reviewer"] = api.user.get_current().getId()
        assessment["state"] = "reviewed"
        assessment["reviewed"] = (api.user.get_current().getId(), now())
        return True


class EvidenceDownload(BrowserView):
    def __call__(self):
        form = self.request.form
        seen = administered_districts()
        district, year = form.get("district", ""), year_of(form.get("year"))
        assessment = store.find(district, year) if (seen is None or district in seen) else None
        entry = store.entry(assessment, form.get("code", "")) if assessment else None
        try:
            file = entry["files"][int(form.get("n", ""))] if entry else None
        except (ValueError, IndexError):
            file = None
        if file is None:
            raise NotFound("没有这份材料")
        response = self.request.response
        no_store(response, page=False)
        response.setHeader("Content-Type", file.contentType or "application/octet-stream")
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + _quoted(file.filename))
        return file.data


def _quoted(name):
    return quote(name or "evidence")


class RankingView(BrowserView):
    def __call__(self):
        _city_only()
        self.year = year_of(self.request.form.get("year")) or today().year
        no_store(self.request.response)
        self.ranked, self.unranked = ranking(self.year)
        return self.index()

    @property
    def year_label(self):
        return year_label(self.year)

    def assessment_url(self, district):
        return f"{api.portal.get().absolute_url()}/@@assessment?{urlencode({'district': district, 'year': self.year})}"

    def state_title(self, state):
        return zh(STATES[state])

    @property
    def note(self):
        return zh(
            _(
                "help_assessment_ranking",
                default="总分为各项得分之和（市局审核改分的，以审核分为准）。"
                "按数据计分的指标依据的事项或时限不足 ${minimum} 件的区县不排名。",
                mapping={"minimum": MIN_RANKED},
            )
        )

    @property
    def report_url(self):
        return f"{api.portal.get().absolute_url()}/@@assessment-report.pdf?year={self.year}"

    @property
    def report_docx_url(self):
        return f"{api.portal.get().absolute_url()}/@@assessment-report.docx?year={self.year}"


class ReportDownload(BrowserView):
    def __call__(self):
        _city_only()
        year = year_of(self.request.form.get("year")) or today().year
        ranked, unranked = ranking(year)
        data = report_pdf(year_label(year), ranked, unranked, current_criteria())
        response = self.request.response
        no_store(response, page=False)
        response.setHeader("Content-Type", "application/pdf")
        response.setHeader("Content-Disposition", f'attachment; filename="assessment-{year}.pdf"')
        return data


class ReportDocxDownload(RankingView):
    """The report as a Word document, from the default template (assessment/report.py)."""

    def __call__(self):
        _city_only()
        self.year = year_of(self.request.form.get("year")) or today().year
        ranked, unranked = ranking(self.year)
        fields = report_fields(
            self.year_label, ranked, unranked, self.state_title, self.note, api.portal.get().Title(), today()
        )
        data = report_docx(fields)
        response = self.request.response
        no_store(response, page=False)
        response.setHeader("Content-Type", DOCX_TYPE)
        response.setHeader("Content-Disposition", f'attachment; filename="assessment-{self.year}.docx"')
        response.setHeader("Content-Length", str(len(data)))
        return data


class CriteriaView(BrowserView):
    def __call__(self):
        _city_only()
        no_store(self.request.response)
        self.error, self.saved = "", False
        self.text = "\n".join(c.line() for c in current_criteria())
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            self.text = str(self.request.form.get("criteria", "") or "")
            try:
                save_criteria(self.text.splitlines())
                self.saved = True
            except CriteriaError as error:
                self.error = error.message
        return self.index()

    def criteria(self):
        return current_criteria()
