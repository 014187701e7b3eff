"""Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) under ``<site>/@open311/v2/``.

Resources: ``discovery``, ``services``, ``services/<code>``, ``requests`` (GET, POST) and
``requests/<reference>``, each as ``.json`` or ``.xml``. Dispute types are the services; a
service request is a case and its ``service_request_id`` its reference number. Errors are the
GeoReport error list (``[{"code": 400, "description": "…"}]``), one entry per bad field.
"""

from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from suizhou.laborrights import _
from suizhou.laborrights.http import no_store
from suizhou.laborrights.restapi.errors import ApiError
from suizhou.laborrights.restapi.errors import not_found
from suizhou.laborrights.restapi.services.open311 import get
from suizhou.laborrights.restapi.services.open311 import post
from suizhou.laborrights.restapi.services.open311 import xml
from zope.interface import alsoProvides
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

import json


VERSION = "v2"
FORMATS = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}
# (method, resource, with an id?) -> (handler, XML root element)
ROUTES = {
    ("GET", "discovery", False): (get.discovery, "discovery"),
    ("GET", "services", False): (get.services, "services"),
    ("GET", "services", True): (get.service_definition, "service_definition"),
    ("GET", "requests", False): (get.service_requests, "service_requests"),
    ("GET", "requests", True): (get.service_request, "service_requests"),
    ("POST", "requests", False): (post.create_service_request, "service_requests"),
}


def georeport_errors(error):
    """An ApiError as GeoReport's error list: one entry per bad field, else the message."""
    if error.fields:
        return [
            {"code": error.status, "description": f"{name}：{message}"}
            for name, message in error.fields.items()
        ]
    entry = {"code": error.status, "description": error.message}
    if getattr(error, "challenge", None):  # citizen.ChallengeError: the question to answer
        entry["challenge"] = error.challenge
    return [entry]


@implementer(IPublishTraverse)
class Open311(BrowserView):
    def __init__(self, context, request):
        super().__init__(context, request)
        self.path = []

    def publishTraverse(self, request, name):
        self.path.append(name)
        return self

    def base_url(self):
        return f"{self.context.absolute_url()}/@open311/{VERSION}"

    def route(self):
        """(handler, XML root, resource id, format) for the traversed path, or ApiError."""
        if len(self.path) not in (2, 3) or self.path[0] != VERSION:
            raise not_found()
        resource, last = self.path[1], self.path[-1]
        name, _dot, format_ = last.rpartition(".")
        if format_ not in FORMATS or not name:
            raise not_found()
        resource_id = name if len(self.path) == 3 else None
        if resource_id is None:
            resource = name
        method = self.request.get("REQUEST_METHOD", "GET")
        key = (method, resource, resource_id is not None)
        if key not in ROUTES:
            if any(route[1:] == key[1:] for route in ROUTES):
                raise ApiError(
                    405, "MethodNotAllowed", _("api_error_method", default="不支持此请求方法。")
                )
            raise not_found()
        handler, root = ROUTES[key]
        return handler, root, resource_id, format_

    def __call__(self):
        response = self.request.response
        format_ = self.path[-1].rpartition(".")[2] if self.path else "json"
        format_ = format_ if format_ in FORMATS else "json"
        try:
            handler, root, resource_id, format_ = self.route()
            if self.request.get("REQUEST_METHOD") == "POST":
                # Public filing only (no channel, no ticket): nothing a forged request could add.
                alsoProvides(self.request, IDisableCSRFProtection)
            data, status = handler(self, resource_id)
        except ApiError as error:
            data, status, root = georeport_errors(error), error.status, "errors"
            for name, value in error.headers.items():
                response.setHeader(name, value)
        response.setStatus(status)
        response.setHeader("Content-Type", FORMATS[format_])
        if getattr(self, "cache_control", None):
            response.setHeader("Cache-Control", self.cache_control)
        else:
            no_store(response, page=False)
        if format_ == "xml":
            return xml.render(root, data)
        return json.dumps(data, ensure_ascii=False, indent=2)
