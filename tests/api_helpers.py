"""What the REST API tests share (no tests here): a WSGI-served site with stations, mediators,
guides and users, sessions for each kind of caller, and the OpenAPI check of docs/openapi.yaml."""

from jsonschema import Draft202012Validator
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.restapi.testing import RelativeSession
from suizhou.laborrights.cases import counters
from suizhou.laborrights.cases.register import find_case
from suizhou.laborrights.folders import STATIONS_ID
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.helpers import APPLICANT_NAME
from tests.helpers import make_user
from tests.helpers import PASSWORD
from tests.helpers import valid_credit_code
from tests.helpers import valid_id_number

import copy
import functools
import json
import pathlib
import transaction
import unittest
import urllib.parse
import yaml


DOCS = pathlib.Path(__file__).parent.parent / "docs"
APPLICANT_PHONE = "13907221234"
APPLICANT_ID_NUMBER = valid_id_number(7)
EMPLOYER_NAME = "随州市某某机械有限公司"
FACTS = "2026年8月至10月工资未发放，多次催要未果。"
# What must never reach a caller who is not case staff.
PERSONAL = (APPLICANT_NAME, APPLICANT_PHONE, APPLICANT_ID_NUMBER, "测试路1号", FACTS)
# A complete Open311 service request (form parameters).
SERVICE_REQUEST = {
    "service_code": "wage_arrears",
    "description": "2026年1月至3月的工资共12000元至今未发放，多次催要无果。",
    "last_name": "王",
    "first_name": "小明",
    "phone": "13907221234",
    "attribute[district]": "zengdu",
}


@functools.cache
def openapi():
    return yaml.safe_load((DOCS / "openapi.yaml").read_text(encoding="utf-8"))


def response_schema(path, method, status, media_type="application/json"):
    spec = openapi()
    answer = spec["paths"][path][method]["responses"][str(status)]
    if "$ref" in answer:
        answer = spec["components"]["responses"][answer["$ref"].rsplit("/", 1)[-1]]
    schema = answer["content"][media_type]["schema"]
    # Local "#/components/…" references resolve against the root: give the root its components.
    return dict(copy.deepcopy(schema), components=spec["components"])


def schema_errors(data, path, method, status):
    schema = response_schema(path, method, status)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(data)
    ]


def filing(**overrides):
    """A complete filing in the contract's shape."""
    body = {
        "dispute_types": ["wage_arrears"],
        "applicant": {
            "name": APPLICANT_NAME,
            "id_number": APPLICANT_ID_NUMBER,
            "phone": APPLICANT_PHONE,
            "address": "随州市曾都区测试路1号",
            "gig_worker": False,
        },
        "employer": {
            "name": EMPLOYER_NAME,
            "credit_code": valid_credit_code(3),
            "address": "随州市曾都区工业园8号",
            "contact": "李经理",
            "phone": "0722-3331234",
        },
        "claim_amount": "12000.00",
        "workers_involved": 1,
        "facts": FACTS,
        "request": "支付拖欠工资12000元。",
        "district": "zengdu",
        "channel": "mini_program",
    }
    body.update(overrides)
    return body


class ApiTestCase(unittest.TestCase):
    """A served site with directory content and users; ``self.anonymous`` etc. are sessions."""

    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.portal_url = self.portal.absolute_url()
        counters.reset()  # failed lookups and filings of earlier tests
        # A Chinese site, as in production (the labels of citizen statuses follow the site).
        api.portal.set_registry_record("plone.default_language", "zh-cn")
        api.portal.set_registry_record("plone.available_languages", ["zh-cn"])
        with api.env.adopt_roles(["Manager"]):
            self.create_directory()
            make_user("clerk", groups=["intake_clerks"])
            make_user("hotline", groups=["hotline_integration"])
            make_user("member")
            make_user("supervisor", groups=["city_admins"])
        transaction.commit()
        self.anonymous = self.session()
        self.clerk = self.session("clerk")
        self.hotline = self.session("hotline")
        self.member = self.session("member")
        self.supervisor = self.session("supervisor")
        self.admin = self.session(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)

    def session(self, user=None, password=PASSWORD):
        session = RelativeSession(self.portal_url, test=self)
        session.headers["Accept"] = "application/json"
        if user:
            session.auth = (user, password)
        return session

    # -- directory content ------------------------------------------------------------------

    def create_directory(self):
        districts = self.portal[STATIONS_ID]

        def add(folder, type_, publish=True, **data):
            obj = api.content.create(container=districts[folder], type=type_, safe_id=False, **data)
            if publish:
                api.content.transition(obj=obj, to_state="published")
            return obj

        self.center = add(
            "zengdu", "ServiceStation", id="zengdu-center", title="曾都区劳动保障维权中心",
            level="center", district="zengdu", address="曾都区解放路1号",
            latitude=31.7175, longitude=113.3740, phones=["0722-3331001"],
            dispute_types=["wage_arrears", "labor_contract"], mediation_kinds=["arbitration"],
            partner_agencies=["union", "court"], host_type="hrss_office", host_name="曾都区人社服务大厅",
        )
        self.nanjiao = add(
            "zengdu", "ServiceStation", id="nanjiao", title="南郊街道劳动保障维权服务站",
            level="station", district="zengdu", township="南郊街道", address="南郊街道办事处一楼",
            latitude=31.6800, longitude=113.3900, host_type="gig_station",
        )
        self.guangshui = add(
            "guangshui", "ServiceStation", id="guangshui-center", title="广水市劳动保障维权中心",
            level="center", district="guangshui", address="广水市应山大道2号",
            latitude=31.6170, longitude=113.8260,
        )
        self.village_point = add(
            "suixian", "ServiceStation", id="lishan-point", title="厉山镇某村劳动维权服务点",
            level="point", district="suixian", address="厉山镇某村村委会",
        )
        self.private_station = add(
            "zengdu", "ServiceStation", publish=False, id="draft-station", title="筹建中的服务站",
            level="station", district="zengdu", address="未定",
        )
        self.gold = add(
            "zengdu", "Mediator", id="gold", title="金调解", district="zengdu",
            mediation_kind="union", mediator_title="gold", studio="new_employment",
            specialties=["wage_arrears", "platform_work"], organisation="曾都区总工会",
            stations=[self.center.UID(), self.private_station.UID()], phone="13907229999",
            biography="从事劳动争议调解二十年。",
        )
        self.people = add(
            "guangshui", "Mediator", id="people", title="人民调解员", district="guangshui",
            mediation_kind="people", mediator_title="mediator", phone="13907228888",
        )
        self.private_mediator = add(
            "zengdu", "Mediator", publish=False, id="hidden", title="未发布调解员",
            district="zengdu", mediation_kind="people", phone="13907227777",
        )
        guides = self.portal["guides"]
        self.checklist = api.content.create(
            container=guides, type="Guide", id="wage-checklist", title="拖欠工资投诉一次性告知清单",
            guide_kind="checklist", dispute_types=["wage_arrears"],
            materials=[{"material": "身份证", "form": "both", "count": 1, "note": ""}],
        )
        api.content.transition(obj=self.checklist, to_state="published")
        self.injury = api.content.create(
            container=guides, type="Guide", id="work-injury", title="工伤认定办事指南",
            guide_kind="guide", dispute_types=["work_injury"],
        )
        api.content.transition(obj=self.injury, to_state="published")
        self.private_guide = api.content.create(
            container=guides, type="Guide", id="draft-guide", title="草稿指南",
            guide_kind="guide", dispute_types=["wage_arrears"],
        )

    # -- assertions -------------------------------------------------------------------------

    def assertConforms(self, response, path, method):
        """The response's JSON is what docs/openapi.yaml says for its status code."""
        errors = schema_errors(response.json(), path, method, response.status_code)
        self.assertEqual(errors, [], f"{method.upper()} {path} {response.status_code}: {response.text}")

    def assertNoPersonalData(self, response):
        text = response.content.decode("utf-8")
        try:  # also in its \\u-escaped form
            text += json.dumps(response.json())
        except ValueError:
            pass
        asked = urllib.parse.unquote(response.request.url)
        for value in PERSONAL:
            if value not in asked:  # what the caller sent may be echoed (search box, @id)
                self.assertNotIn(value, text, response.request.url)

    def assertError(self, response, status, type_=None, fields=()):
        self.assertEqual(response.status_code, status, response.text)
        error = response.json()["error"]
        if type_:
            self.assertEqual(error["type"], type_)
        self.assertTrue(error["message"])
        for field in fields:
            self.assertIn(field, error.get("fields", {}), error)
            self.assertRegex(error["fields"][field], r"[\u4e00-\u9fff]", "a Chinese message")

    def case_count(self):
        transaction.begin()
        catalog = api.portal.get_tool("portal_catalog")
        return len(catalog.unrestrictedSearchResults(portal_type="Case"))

    def move_case(self, reference, *transitions, comment="", **attributes):
        """Set fields and make transitions as a manager; routing goes to the district center."""
        transaction.begin()
        case = find_case(reference)
        with api.env.adopt_roles(["Manager"]):
            if "route" in transitions and not case.assigned_unit:
                case.assigned_unit = self.center.UID()
            for name, value in attributes.items():
                setattr(case, name, value)
            for name in transitions:
                api.content.transition(obj=case, transition=name, comment=comment)
        transaction.commit()
        return case

    def post_case(self, session=None, **overrides):
        return (session or self.anonymous).post("@cases", json=filing(**overrides))
