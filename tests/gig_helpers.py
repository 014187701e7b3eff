"""Gig-worker stations in tests: a station, its staff, postings and seekers."""

from datetime import timedelta
from decimal import Decimal
from plone import api
from suizhou.laborrights.gig.postings import create_posting
from suizhou.laborrights.gig.postings import minimum_pay
from suizhou.laborrights.gig.postings import today
from suizhou.laborrights.gig.seekers import register_seeker
from suizhou.laborrights.handling.assignment import ensure_unit_group
from tests.helpers import make_station
from tests.helpers import make_user
from tests.helpers import valid_credit_code
from tests.helpers import valid_id_number


SEEKER_NAME = "求职测试李四海"
SEEKER_PHONE = "13712345678"
SEEKER_ID_NUMBER = valid_id_number(77)
SEEKER_SKILLS = "隐私测试技能：叉车证"


def make_gig_station(station_id="test-gig", district="zengdu", staff="gigstaff"):
    """A 零工驿站 and a user in its staff group; returns the station."""
    station = make_station(station_id, district=district, title=f"{station_id}零工驿站")
    with api.env.adopt_roles(["Manager"]):
        station.host_type = "gig_station"
        api.content.transition(station, to_state="published")
        station.reindexObject()
        group = ensure_unit_group(station)
    if staff:
        make_user(staff, groups=[group])
    return station


def posting_data(unit, **overrides):
    data = {
        "title": "装卸工",
        "trade": "logistics",
        "pay": minimum_pay("zengdu", "day") + Decimal("50"),
        "pay_period": "day",
        "district": "zengdu",
        "place": "曾都区物流园3号库",
        "hours": "每天 8:00-17:00，日结",
        "contact_phone": "13800001111",
        "number_wanted": 5,
        "requirements": "能吃苦",
        "employer_name": "随州测试物流有限公司",
        "employer_credit_code": valid_credit_code(15),
        "shifts": ["daytime"],
        "valid_through": today() + timedelta(days=10),
        "station": unit.UID(),
    }
    data.update(overrides)
    return data


def make_posting(station, publish=True, **overrides):
    posting = create_posting(posting_data(station, **overrides))
    if publish:
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(posting, transition="publish")
    return posting


def seeker_data(unit, **overrides):
    data = {
        "real_name": SEEKER_NAME,
        "id_number": SEEKER_ID_NUMBER,
        "phone": SEEKER_PHONE,
        "skills": SEEKER_SKILLS,
        "wanted_trades": ["logistics"],
        "wanted_district": "zengdu",
        "availability": ["daytime"],
        "station": unit.UID(),
    }
    data.update(overrides)
    return data


def make_seeker(station, **overrides):
    return register_seeker(seeker_data(station, **overrides))


class GigSessions:
    """Mixin for functional tests: HTTP sessions against the test server and form posting."""

    def session(self, user=None, accept_json=False):
        from plone.restapi.testing import RelativeSession
        from tests.helpers import PASSWORD

        session = RelativeSession(self.layer["portal"].absolute_url() + "/")
        if user:
            session.auth = (user, PASSWORD)
        if accept_json:
            session.headers["Accept"] = "application/json"
        self.addCleanup(session.close)
        return session

    def post_form(self, session, path, fields):
        """Open the form at ``path``, then post ``fields`` with the page's CSRF token."""
        import re

        page = session.get(path)
        token = re.search(r'name="_authenticator" value="([^"]+)"', page.text).group(1)
        return session.post(path, data=dict(fields, _authenticator=token), allow_redirects=False)
