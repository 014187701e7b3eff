"""GET @case-status?reference=…&phone=…: a case's progress for its applicant.

The same rules as the progress page (``status.checked_lookup``): one generic 404 whether the
reference is unknown or the phone does not match, 429 with Retry-After after repeated failures.
"""

from suizhou.laborrights import _
from suizhou.laborrights.restapi.citizen import lookup_or_raise
from suizhou.laborrights.restapi.citizen import public_status
from suizhou.laborrights.restapi.errors import bad_request
from suizhou.laborrights.restapi.service import JsonService


class CaseStatusGet(JsonService):
    def answer(self):
        self.no_store()
        reference, phone = self.param("reference"), self.param("phone")
        missing = {}
        if not reference:
            missing["reference"] = _("api_error_reference_missing", default="请填写受理编号。")
        if not phone:
            missing["phone"] = _("api_error_phone_missing", default="请填写申请时的手机号码。")
        if missing:
            raise bad_request(missing)
        return public_status(lookup_or_raise(self.request, reference, phone))
