"""Data shared by the tests: valid identity numbers, a case's fields, users with roles, the
Chinese site and its public pages."""

from datetime import datetime
from plone import api
from plone.restapi.testing import RelativeSession
from plone.testing.zope import Browser
from stdnum.cn import ric
from stdnum.cn import uscc
from suizhou.laborrights.cases.register import create_case
from suizhou.laborrights.handling.assignment import unit_group_id
from suizhou.laborrights.testing import DEMO_FUNCTIONAL_TESTING
from urllib.parse import quote
from zope.globalrequest import getRequest

import lxml.html
import pytz
import transaction
import unittest


SHANGHAI = pytz.timezone("Asia/Shanghai")
APPLICANT_NAME = "测试申请人王小明"
PASSWORD = "secret-password-123"  # of every user make_user() creates


def valid_id_number(seq=1):
    """A valid number of someone born in 1990 in 随州市 (region code 421300)."""
    first17 = f"421300199001{seq % 28 + 1:02d}{seq % 1000:03d}"
    return first17 + ric.calc_check_digit(first17 + "0")  # stdnum drops the last character


def valid_credit_code(seq=1):
    first17 = f"91421300MA4{seq % 1000000:06d}"
    return first17 + uscc.calc_check_digit(first17)


def case_fields(**overrides):
    fields = {
        "channel": "window",
        "district": "zengdu",
        "applicant_name": APPLICANT_NAME,
        "applicant_id_number": valid_id_number(),
        "applicant_phone": "13907221234",
        "applicant_address": "随州市曾都区测试路1号",
        "employer_name": "随州市某某机械有限公司",
        "employer_credit_code": valid_credit_code(),
        "dispute_types": ["wage_arrears"],
        "workers_involved": 1,
        "facts": "2026年8月至10月工资未发放。",
        "request": "支付拖欠工资12000元。",
    }
    fields.update(overrides)
    return fields


def new_case(received=None, **overrides):
    """A case put straight into the register, at any time (also in the future, as tests of
    clocks and holidays need): a fixture, not a filing (filings go through ``file_case``)."""
    with api.env.adopt_roles(["Manager"]):
        return create_case(received=received, **case_fields(**overrides))


def at(year, month, day, hour=9):
    return SHANGHAI.localize(datetime(year, month, day, hour))


def count_cases():
    return len(api.portal.get_tool("portal_catalog").unrestrictedSearchResults(portal_type="Case"))


def make_user(username, roles=(), groups=()):
    with api.env.adopt_roles(["Manager"]):
        user = api.user.create(
            email=f"{username}@example.org",
            username=username,
            password=PASSWORD,
        )
        # Granted afterwards: the registration tool refuses roles beyond Member.
        if roles:
            api.user.grant_roles(user=user, roles=list(roles))
        for group in groups:
            api.group.add_user(groupname=group, username=username)
    return user


def make_station(station_id, district="zengdu", title=None, level="station"):
    """A service station (a handling unit) in a district; returns it."""
    portal = api.portal.get()
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=portal["stations"][district],
            type="ServiceStation",
            id=station_id,
            title=title or station_id,
            level=level,
            district=district,
            address="随州市曾都区测试路1号",
        )


def routable(case, station_id="test-unit"):
    """Give a case a handling unit, as routing requires (the station is made if missing)."""
    portal = api.portal.get()
    district = portal["stations"][case.district]
    station = district.get(station_id) or make_station(station_id, district=case.district)
    case.assigned_unit = station.UID()
    return case


# The real transitions that bring a new case into each state of the case workflow.
STATE_PATHS = {
    "registered": (),
    "routed": ("route",),
    "in_progress": ("route", "accept"),
    "closed": ("route", "accept", "close"),
    "rejected": ("reject",),
    "withdrawn": ("withdraw",),
}


def bring_to(case, state):
    """Move a new case into ``state`` as a Manager, by the workflow's own transitions."""
    with api.env.adopt_roles(["Manager"]):
        for transition in STATE_PATHS[state]:
            if transition == "route" and not case.assigned_unit:
                routable(case)
            # 不予受理 requires a reason (as every way of rejecting does)
            comment = "不属于劳动争议" if transition == "reject" else ""
            api.content.transition(obj=case, transition=transition, comment=comment)
    assert api.content.get_state(case) == state, api.content.get_state(case)


def chinese_site():
    """The site as ``make start`` creates it, in Chinese: tests read the Chinese texts (English is
    the fallback). Functional tests commit afterwards."""
    api.portal.set_registry_record("plone.default_language", "zh-cn")
    api.portal.set_registry_record("plone.available_languages", ["zh-cn"])
    request = getRequest()
    if request is not None:  # the integration tests' request, as a Chinese browser sends it
        request.environ["HTTP_ACCEPT_LANGUAGE"] = "zh-CN"


class PublicPagesTestCase(unittest.TestCase):
    """The demo site's pages, in Chinese, read through a browser."""

    layer = DEMO_FUNCTIONAL_TESTING

    def setUp(self):
        chinese_site()
        transaction.commit()
        self.portal = self.layer["portal"]
        self.portal_url = self.portal.absolute_url()
        self.browser = Browser(self.layer["app"])
        self.browser.handleErrors = False

    def page(self, path):
        self.browser.open(self.portal_url + quote(path, safe="/?=&:.%"))
        return lxml.html.fromstring(self.browser.contents)


def browser_for(app, username, password=PASSWORD):
    """A test browser logged in as ``username`` (HTTP basic), in Chinese."""
    browser = Browser(app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {username}:{password}")
    browser.addHeader("Accept-Language", "zh-CN")
    return browser


class RoutingFixture:
    """Two handling units of 曾都区 (``unit_a``, ``unit_b``; their UIDs ``a``, ``b``), the
    district's intake clerk, staff of each unit, a mediator and the district administrator."""

    def make_people(self):
        chinese_site()
        self.unit_a = make_station("unit-a", title="曾都区维权中心", level="center")
        self.unit_b = make_station("unit-b", title="南郊街道维权服务站")
        self.a, self.b = self.unit_a.UID(), self.unit_b.UID()
        make_user("clerk", groups=["intake_clerks_zengdu"])
        make_user("staff_a", groups=[unit_group_id(self.a)])
        make_user("staff_b", groups=[unit_group_id(self.b)])
        make_user("mediator", groups=["mediators"])
        make_user("admin_zengdu", groups=["district_admins_zengdu"])


def staff_session(test, user=None):
    """A requests session on the test server's site, logged in as ``user`` (anonymous without),
    closed when ``test`` ends."""
    session = RelativeSession(test.layer["portal"].absolute_url() + "/")
    if user:
        session.auth = (user, PASSWORD)
    test.addCleanup(session.close)
    return session
