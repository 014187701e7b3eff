"""The base of our JSON services: ApiError answers, readable UTF-8 JSON, cache headers."""

from plone.restapi.services import _no_content_marker
from plone.restapi.services import Service
from suizhou.laborrights import _
from suizhou.laborrights.http import no_store
from suizhou.laborrights.restapi.errors import ApiError
from suizhou.laborrights.restapi.errors import bad_parameter
from suizhou.laborrights.restapi.errors import bad_request

import json


PUBLIC_MAX_AGE = 300  # seconds a proxy or the mini-program may keep a public directory answer


class JsonService(Service):
    """Subclasses implement ``answer()``; raising ``ApiError`` gives the error answer."""

    content_type = "application/json; charset=utf-8"

    def reply(self):
        try:
            return self.answer()
        except ApiError as error:
            return self.error_reply(error)

    def answer(self):
        raise NotImplementedError

    def error_reply(self, error):
        response = self.request.response
        response.setStatus(error.status)
        for name, value in error.headers.items():
            response.setHeader(name, value)
        self.no_store()
        return error.body()

    def render(self):
        self.check_permission()
        content = self.reply()
        if content is _no_content_marker:
            return None
        self.request.response.setHeader("Content-Type", self.content_type)
        return json.dumps(content, ensure_ascii=False, indent=2, sort_keys=True)

    def param(self, name):
        """A query parameter as a stripped string ("" when absent)."""
        value = self.request.form.get(name)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise bad_parameter(name)
        return value.strip()

    def code_param(self, name, terms, list_name):
        """A query parameter that must be a code of registry list ``list_name`` (or absent)."""
        value = self.param(name)
        if value and value not in terms.titles(list_name):
            raise bad_request({name: _("api_error_unknown_code", default="没有这个代码。")})
        return value

    def public(self, max_age=PUBLIC_MAX_AGE):
        """The answer is the same for everyone: proxies and clients may keep it a while."""
        self.request.response.setHeader("Cache-Control", f"public, max-age={max_age}")
        self.request.response.setHeader("Vary", "Accept")

    def no_store(self):
        """The answer depends on who asks or holds case data: nobody may keep it."""
        no_store(self.request.response, page=False)
