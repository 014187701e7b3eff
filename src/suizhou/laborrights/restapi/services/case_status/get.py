"""@case-status: a case's progress for its applicant.

``POST @case-status`` with the JSON body ``{"reference": …, "phone": …}`` (the phone stays out
of addresses and access logs); ``GET @case-status?reference=…&phone=…`` still works but is
deprecated. The same rules as the progress page (``lookup.Guard``): one generic 404 whether the
reference is unknown or the phone does not match; over a budget of failed lookups a 429
``ChallengeRequired`` with a question, answered by repeating the request with
``challenge_token`` and ``challenge_answer``. The answer: the citizen-facing status, the
case's steps, the handling unit's public contact and the running clock's due date
(``citizen.public_progress``).
"""

from plone.protect.interfaces import IDisableCSRFProtection
from suizhou.laborrights import _
from suizhou.laborrights.restapi import contract
from suizhou.laborrights.restapi.citizen import guard
from suizhou.laborrights.restapi.citizen import lookup_or_raise
from suizhou.laborrights.restapi.citizen import public_progress
from suizhou.laborrights.restapi.errors import bad_parameter
from suizhou.laborrights.restapi.errors import bad_request
from suizhou.laborrights.restapi.service import JsonService
from zope.interface import alsoProvides


class CaseStatusGet(JsonService):
    def parameters(self):
        return self.param("reference"), self.param("phone"), None

    def answer(self):
        self.no_store()
        reference, phone, data = self.parameters()
        missing = {}
        if not reference:
            missing["reference"] = _("api_error_reference_missing", default="请填写受理编号。")
        if not phone:
            missing["phone"] = _("api_error_phone_missing", default="请填写申请时的手机号码。")
        if missing:
            raise bad_request(missing)
        lookups = guard(self.request, data)
        return public_progress(lookup_or_raise(self.request, reference, phone, lookups))


class CaseStatusPost(CaseStatusGet):
    def parameters(self):
        # Only a JSON body is accepted, which a cross-site form cannot send; nothing is changed.
        alsoProvides(self.request, IDisableCSRFProtection)
        data = contract.read_json(self.request)
        values = []
        for name in ("reference", "phone"):
            value = data.get(name)
            if value is not None and not isinstance(value, str):
                raise bad_parameter(name)
            values.append((value or "").strip())
        return values[0], values[1], data
