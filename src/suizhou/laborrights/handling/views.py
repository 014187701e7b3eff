"""Small views of the handling: the daily clock sweep, and the case link of staff notices."""

from plone import api
from Products.Five.browser import BrowserView
from suizhou.laborrights.cases.register import find_case
from suizhou.laborrights.handling.sweep import sweep
from urllib.parse import urlencode
from zExceptions import NotFound

import json


class SweepView(BrowserView):
    """``@@handling-sweep``: announce due-soon and overdue clocks (Manager only)."""

    def __call__(self):
        found = sweep()
        self.request.response.setHeader("Content-Type", "application/json")
        return json.dumps(found)


class OpenCaseView(BrowserView):
    """``@@open-case?ref=…``: the link to a case in staff notices.

    The case's own address answers 404 to a browser that is not logged in (nothing may tell
    an existing reference from a made-up one), so notices link here: a visitor who is not
    logged in goes to the login form and comes back, whatever the reference; a logged-in user
    goes on to the case if allowed to see it, else gets the same 404 as for no such case.
    """

    def __call__(self):
        reference = (self.request.form.get("ref") or "").strip()[:40]
        if api.user.is_anonymous():
            here = f"{self.context.absolute_url()}/@@open-case?{urlencode({'ref': reference})}"
            login = f"{self.context.absolute_url()}/login?{urlencode({'came_from': here})}"
            return self.request.response.redirect(login)
        case = find_case(reference) if reference else None
        if case is None or not api.user.has_permission("View", obj=case):
            raise NotFound(reference)
        return self.request.response.redirect(case.absolute_url())
