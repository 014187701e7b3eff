"""``@@retention`` on the register (案卷保存期限届满): the cases the retention job found past
their period; the city administrator approves the anonymisation of the chosen ones. And the
note on an anonymised case's page."""

from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from suizhou.laborrights import _
from suizhou.laborrights.cases import retention
from suizhou.laborrights.timezone import format_date
from suizhou.laborrights.timezone import format_datetime
from suizhou.laborrights.vocabularies import title_of


class RetentionView(BrowserView):
    index = ViewPageTemplateFile("templates/retention.pt")

    def __call__(self):
        if self.request.method == "POST" and "form.anonymise" in self.request.form:
            self.approve()
            return self.request.response.redirect(f"{self.context.absolute_url()}/@@retention")
        return self.index()

    def approve(self):
        CheckAuthenticator(self.request)
        references = self.request.form.get("references") or []
        references = [references] if isinstance(references, str) else references
        messages = IStatusMessage(self.request)
        if not references:
            messages.add(_("retention_none_selected", default="请先勾选要匿名化处理的事项。"), "error")
            return
        done = retention.anonymise_approved(references, api.user.get_current().getId())
        messages.add(
            _(
                "retention_done",
                default="已匿名化处理 ${count} 件事项；统计数据不变。",
                mapping={"count": len(done)},
            ),
            "info",
        )

    def rows(self):
        rows = []
        for reference, closed, years in retention.due():
            case = retention.find_case(reference)
            if case is None or retention.anonymised(case) is not None:
                continue
            rows.append(
                {
                    "reference": reference,
                    "district": title_of("districts", case.district) if case.district else "",
                    "route": title_of("routes", case.route) if case.route else "",
                    "outcome": title_of("outcomes", case.outcome) if case.outcome else "",
                    "closed": format_date(closed),
                    "years": years,
                }
            )
        return rows


class AnonymisedViewlet(ViewletBase):
    """On the case's page: anonymised, when and on whose approval."""

    def update(self):
        self.done = retention.anonymised(self.context)

    def index(self):
        if not self.done:
            return ""
        text = api.portal.translate(
            _(
                "case_anonymised",
                default="本事项已过案卷保存期限，于 ${when} 经 ${who} 批准匿名化处理：个人信息已删除，统计数据保留。",
                mapping={"when": format_datetime(self.done["at"]), "who": self.done["by"]},
            ),
            lang="zh_CN",
        )
        return f'<div class="alert alert-info case-anonymised">{text}</div>'
