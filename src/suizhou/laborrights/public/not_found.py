"""The site's HTML 404 page for every client that does not ask for JSON.

Plone's exception view answers ``{"error_type": "NotFound"}`` to any client whose Accept lacks
``text/html`` (curl and crawlers send ``*/*``). This view, registered for ``NotFound`` only
(401/403 and every other error keep Plone's own views), shows the HTML page instead, and
leaves JSON to those who want it: REST requests (plone.rest marks them ``IAPIRequest``, e.g.
``++api++``) get plone.rest's JSON error exactly as before; a client that asks for
``application/json``, or an ``@service`` address, gets Plone's JSON answer.
"""

from plone.rest.errors import ErrorHandling
from plone.rest.interfaces import IAPIRequest
from Products.CMFPlone.browser import exceptions
from Products.CMFPlone.browser.exceptions import ExceptionView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions.ExceptionFormatter import format_exception

import os
import sys


PLONE_TEMPLATES = os.path.join(os.path.dirname(exceptions.__file__), "templates")


def wants_json(request):
    accept = request.getHeader("Accept", "") or ""
    return "application/json" in accept and "text/html" not in accept


def is_service_call(request):
    """An address of a REST service (``…/@name``, not a ``@@view``) or through ``++api++``."""
    path = request.get("PATH_INFO", "") or ""
    return "/++api++" in path or any(
        part.startswith("@") and not part.startswith("@@") for part in path.split("/")
    )


class NotFoundView(ExceptionView):
    index = ViewPageTemplateFile("error_message.pt", _prefix=PLONE_TEMPLATES)

    def __call__(self):
        if IAPIRequest.providedBy(self.request):
            return ErrorHandling(self.context, self.request)()
        if wants_json(self.request) or is_service_call(self.request):
            return super().__call__()
        return self.html()

    def html(self):
        """Plone's page, as its view renders it for a browser (a redirect when one is stored)."""
        if self.plone_redirector_view.attempt_redirect():
            return None
        self.context = self.__parent__
        response = self.request.response
        response.setStatus(404)
        response.setHeader("Content-Type", "text/html; charset=utf-8")
        response.appendHeader("Vary", "Accept")  # the same address answers JSON to others
        for name in ("disable_border", "disable_plone.leftcolumn", "disable_plone.rightcolumn"):
            self.request.set(name, True)
        error_tb = "".join(format_exception(*sys.exc_info(), as_html=False))
        try:
            return self.index(error_type="NotFound", error_tb=error_tb)
        except Exception:
            return self.basic_template(error_type="NotFound", error_tb=error_tb)
