"""The case the handling tests read: received at the window on 13 July 2026, the intake clerk's
payslip among its evidence files, routed the next morning for staff_a's mediation."""

from plone import api
from plone.namedfile.file import NamedBlobFile
from suizhou.laborrights.handling.assignment import route
from tests.helpers import at
from tests.helpers import new_case


PAYSLIP = b"%PDF-1.4 payslips " * 100  # 1,800 bytes, the evidence file attachment-1 (工资条.pdf)


def routed_case_with_payslip(unit, **fields):
    """A case (``fields`` over tests.helpers.case_fields) with the clerk's 工资条.pdf, routed to
    the unit of UID ``unit`` with handler ``staff_a`` (tests.helpers.RoutingFixture's people)."""
    case = new_case(received=at(2026, 7, 13, 10), **fields)
    with api.env.adopt_user(username="clerk"):
        api.content.create(
            container=case,
            type="CaseAttachment",
            id="attachment-1",
            title="工资条",
            file=NamedBlobFile(PAYSLIP, filename="工资条.pdf", contentType="application/pdf"),
        )
    with api.env.adopt_roles(["Manager"]):
        route(case, unit, handler="staff_a", route="mediation", when=at(2026, 7, 14, 9))
    return case
