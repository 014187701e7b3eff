"""POST @cases: file a case in the contract's JSON shape (see docs/api.md).

201 with the reference number and the status URL; for a 12345 ticket already filed, 200 with
the existing case's reference (the hotline may resend a ticket as often as it likes; staff
who may not see that case get the 400 of a taken ticket, which names no case). Nothing
is stored unless everything is valid.
"""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from suizhou.laborrights.cases import channels
from suizhou.laborrights.cases.filing import file_case
from suizhou.laborrights.cases.filing import FilingError
from suizhou.laborrights.cases.register import case_for_ticket
from suizhou.laborrights.cases.register import find_case
from suizhou.laborrights.restapi import contract
from suizhou.laborrights.restapi import filing_limits
from suizhou.laborrights.restapi.citizen import receipt
from suizhou.laborrights.restapi.errors import bad_request
from suizhou.laborrights.restapi.service import JsonService
from zope.interface import alsoProvides


def may_see_ticket(case):
    """The 12345 integration (of its own tickets) and the staff who may view the case learn its
    reference and status; anyone else is refused as for any taken ticket, without them."""
    if api.user.has_permission("View", obj=case):
        return True
    return api.user.has_permission(channels.HOTLINE_PERMISSION, obj=api.portal.get()) and (
        channels.hotline_may_see(case)
    )


class CasesPost(JsonService):
    def answer(self):
        # Only a JSON body is accepted, which a cross-site form cannot send.
        alsoProvides(self.request, IDisableCSRFProtection)
        self.no_store()
        data = contract.read_json(self.request)
        # A known client's key (X-Api-Key): its budget; anonymous callers: rate limits, challenge.
        filing_limits.check(self.request, data)
        contract.check_honeypot(data)
        fields, errors = contract.case_fields(data)
        filer = channels.filer_for(fields.get("district"))

        ticket = fields.get("hotline_ticket")
        if filer == channels.STAFF and ticket:
            filed = case_for_ticket(ticket)
            existing = find_case(filed) if filed else None
            if existing is not None and may_see_ticket(existing):
                return receipt(existing)  # 200: this ticket is filed already

        try:
            case = file_case(fields, filer=filer, refuse=bool(errors))
        except FilingError as error:
            raise bad_request(contract.contract_errors(error.errors, refused=errors)) from None
        filing_limits.filed(self.request)
        answer = receipt(case)
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", answer["status_url"])
        return answer
