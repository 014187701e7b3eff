"""The order receipt (public, the reference only), the order's page and the enterprise register
(staff-only: registered for the orders' folder with Modify portal content)."""

from Acquisition import aq_base
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from suizhou.laborrights.enterprise import folders
from suizhou.laborrights.enterprise import orders
from suizhou.laborrights.enterprise import register
from suizhou.laborrights.enterprise.vocabularies import label
from suizhou.laborrights.enterprise.vocabularies import RISK_LEVELS
from suizhou.laborrights.enterprise.vocabularies import SATISFACTION
from suizhou.laborrights.enterprise.vocabularies import TOPICS
from suizhou.laborrights.http import no_store
from suizhou.laborrights.timezone import format_date
from suizhou.laborrights.timezone import format_datetime
from zExceptions import NotFound

import re


_REFERENCE = re.compile(r"^QY[0-9]{8}[0-9A-F]{4}(?:[0-9A-F]{4})?$")  # 4 hex before review item 15, now 8


class OrderReceipt(BrowserView):
    def reference(self):
        value = (self.request.form.get("reference") or "").strip().upper()
        return value if _REFERENCE.match(value) else ""

    def __call__(self):
        no_store(self.request.response)
        return self.index()


class OrderView(BrowserView):
    def __call__(self):
        no_store(self.request.response)
        return self.index()

    def topics(self):
        return "、".join(label(TOPICS, code) for code in self.context.topics or ())

    def arbitrator(self):
        user = api.user.get(userid=self.context.arbitrator) if self.context.arbitrator else None
        return (user.getProperty("fullname") or user.getId()) if user else ""

    def appointment(self):
        return format_datetime(self.context.appointment) if self.context.appointment else ""

    def satisfaction(self):
        return label(SATISFACTION, self.context.satisfaction)

    def visits(self):
        return [
            {
                "date": format_date(visit.visit_date),
                "visitors": visit.visitors,
                "findings": visit.findings,
                "advice": visit.advice,
                "follow_up": format_date(visit.follow_up_date) if visit.follow_up_date else "",
                "url": visit.absolute_url(),
            }
            for visit in orders.visits(self.context)
        ]

    def can_edit(self):
        return api.user.has_permission("Modify portal content", obj=self.context)

    def register_url(self):
        code = self.context.employer_credit_code
        return f"{self.context.aq_parent.absolute_url()}/@@enterprise-register?code={code}"


class EnterpriseRegister(BrowserView):
    errors = {}

    def __call__(self):
        # The data is read from the real orders' folder, whatever the context: only there.
        real = api.portal.get().get(folders.FOLDER_ID)
        if real is None or aq_base(self.context) is not aq_base(real):
            raise NotFound(self.__name__)
        no_store(self.request.response)
        self.code = orders.normalized_code(self.request.form.get("code"))
        if self.code and self.request.method == "POST":
            self.set_level()
        return self.index()

    def set_level(self):
        CheckAuthenticator(self.request)
        form = self.request.form
        try:
            register.set_risk_level(self.code, form.get("level"), form.get("reason"), api.user.get_current().getId())
        except register.RiskRefused as refused:
            self.errors = refused.errors
            return
        api.portal.show_message("风险等级已保存。", self.request)
        self.request.response.redirect(f"{self.request.URL}?code={self.code}")

    def levels(self):
        return [(code, label(RISK_LEVELS, code)) for code, _title in RISK_LEVELS]

    def enterprises(self):
        return [
            {
                "code": code,
                "name": name,
                "level": label(RISK_LEVELS, register.risk_level(code)),
                "risk_source": register.is_risk_source(code, name),
                "orders": len(register.orders_of(code)),
            }
            for code, name in register.enterprises()
        ]

    def enterprise(self):
        found = register.orders_of(self.code)
        name = found[0].employer_name if found else ""
        cases, total = register.disputes_against(self.code, name)
        history = [
            dict(entry, level=label(RISK_LEVELS, entry["level"]), at=format_datetime(entry["at"]))
            for entry in reversed(register.risk_history(self.code))
        ]
        return {
            "code": self.code,
            "name": name,
            "orders": [
                {
                    "url": order.absolute_url(),
                    "reference": orders.reference(order),
                    "topics": "、".join(label(TOPICS, code) for code in order.topics or ()),
                    "visits": [(format_date(v.visit_date), v.findings, v.advice) for v in orders.visits(order)],
                }
                for order in found
            ],
            "cases": [{"url": brain.getURL(), "title": brain.Title, "state": brain.review_state} for brain in cases],
            "cases_total": total,
            "history": history,
            "on_warning_list": register.on_warning_list(self.code, name),
            "risk_source": register.is_risk_source(self.code, name),
        }
