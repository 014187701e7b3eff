"""The register's page (``/cases`` and its district and month bins, the folder's ``view``):
how many cases below it the user may see and a listing of them, latest first, paged.

Cases live in /cases/<district>/<yyyy-mm>/, so the folder's own contents (the bins) say
nothing; one catalog query (security-filtered, metadata only: no case is woken, no personal
data shown) counts and lists the cases below the folder.
"""

from plone import api
from plone.batching import Batch
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights.handling import assignment
from suizhou.laborrights.http import no_store
from suizhou.laborrights.timezone import chinese_date
from suizhou.laborrights.vocabularies import registry_terms

import datetime


PAGE_SIZE = 50


class CaseRegisterView(BrowserView):
    index = ViewPageTemplateFile("templates/case_register.pt")

    def __call__(self):
        no_store(self.request.response)
        self.batch = self.results()
        return self.index()

    def results(self):
        try:
            start = max(int(self.request.form.get("b_start", 0) or 0), 0)
        except ValueError:
            start = 0
        query = {
            "portal_type": "Case",
            "path": "/".join(self.context.getPhysicalPath()),
            "sort_on": "received",
            "sort_order": "descending",
        }
        # The catalog sorts only as far as the page, not the whole register.
        brains = api.portal.get_tool("portal_catalog")(b_start=start, b_size=PAGE_SIZE, **query)
        return Batch(brains, PAGE_SIZE, start)

    def count(self):
        return self.batch.sequence_length

    def rows(self):
        types = dict(registry_terms("dispute_types"))
        districts = dict(registry_terms("districts"))
        workflow = api.portal.get_tool("portal_workflow")["laborrights_case_workflow"]
        states = {state.getId(): state.title for state in workflow.states.values()}
        names = {}
        units = {}
        rows = []
        for brain in self.batch:
            received = brain.received if isinstance(brain.received, datetime.datetime) else None
            handler = brain.handler if isinstance(brain.handler, str) else ""
            unit = brain.assigned_unit if isinstance(brain.assigned_unit, str) else ""
            if handler and handler not in names:
                names[handler] = assignment.handler_title(handler)
            if unit and unit not in units:
                units[unit] = assignment.unit_title(unit)
            rows.append(
                {
                    "url": brain.getURL(),
                    "reference": brain.getId,
                    "received": chinese_date(received),
                    "district": districts.get(brain.district, brain.district or ""),
                    "types": "、".join(types.get(t, t) for t in brain.dispute_types or ()),
                    "state": states.get(brain.review_state, brain.review_state or ""),
                    "unit": units.get(unit, ""),
                    "handler": names.get(handler, ""),
                }
            )
        return rows
