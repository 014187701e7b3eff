"""A site whose e-mail and SMS are recorded (tests.mocks), with a unit of 曾都区 that has a
mailbox and a handler, another unit, and a new case whose applicant has a mobile and an address."""

from email import message_from_bytes
from email.header import decode_header
from email.header import make_header
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.handling.assignment import unit_group_id
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.helpers import make_station
from tests.helpers import make_user
from tests.helpers import new_case
from tests.mocks import swap_mailhost
from tests.mocks import swap_sms_gateway

import transaction
import unittest


UNIT_MAILBOX = "zengdu-center@example.org"
APPLICANT_MAIL = "applicant@example.org"


def decoded(raw):
    """(to, subject, body) of a message the mock recorded."""
    message = message_from_bytes(raw)
    body = message.get_payload(decode=True).decode("utf-8")
    subject = str(make_header(decode_header(message["Subject"])))
    return str(message["To"]), subject, body


class NotificationFixture(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.mailhost = swap_mailhost(self, self.portal)
        self.sms = swap_sms_gateway(self)
        self.unit = make_station("zengdu-center", title="曾都区劳动保障维权中心", level="center")
        self.unit.email = UNIT_MAILBOX
        self.other_unit = make_station("nanjiao", title="南郊街道劳动保障维权服务站")
        self.other_unit.email = "nanjiao@example.org"
        make_user("mediator_li", groups=[unit_group_id(self.unit.UID())])
        self.case = new_case(applicant_email=APPLICANT_MAIL, applicant_phone="13907221234")
        transaction.commit()

    def mails(self):
        return [decoded(raw) for raw in self.mailhost.messages]

    def mails_to(self, address):
        return [(subject, body) for to, subject, body in self.mails() if address in to]

    def route(self, **kwargs):
        kwargs.setdefault("unit", self.unit.UID())
        kwargs.setdefault("handler", "mediator_li")
        kwargs.setdefault("route", "mediation")
        return route(self.case, **kwargs)
