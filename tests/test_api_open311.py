"""Open311 GeoReport v2 under <site>/@open311/v2/."""

from suizhou.laborrights.cases.register import find_case
from suizhou.laborrights.forms.challenge import NUMERALS
from tests.api_helpers import ApiTestCase
from tests.api_helpers import APPLICANT_PHONE
from tests.api_helpers import FACTS
from tests.api_helpers import schema_errors
from xml.etree import ElementTree

import transaction


BASE = "@open311/v2"


def service_request(**overrides):
    params = {
        "service_code": "wage_arrears",
        "description": FACTS,
        "first_name": "小明",
        "last_name": "王",
        "phone": APPLICANT_PHONE,
        "address_string": "随州市曾都区工业园8号",
        "attribute[district]": "zengdu",
        "attribute[employer_name]": "随州市某某机械有限公司",
        "attribute[claim_amount]": "12000",
        "attribute[workers_involved]": "3",
        "attribute[gig_worker]": "true",
    }
    params.update(overrides)
    return {key: value for key, value in params.items() if value is not None}


class Open311TestCase(ApiTestCase):
    def setUp(self):
        super().setUp()
        # GeoReport clients do not ask for JSON with an Accept header.
        self.client = self.session()
        self.client.headers["Accept"] = "*/*"

    def assertGeoReport(self, response, path, method="get"):
        errors = schema_errors(response.json(), path, method, response.status_code)
        self.assertEqual(errors, [], response.text)

    def assertGeoReportError(self, response, status, *names):
        self.assertEqual(response.status_code, status, response.text)
        descriptions = [error["description"] for error in response.json()]
        self.assertTrue(all(error["code"] == status for error in response.json()))
        for name in names:
            self.assertTrue(any(d.startswith(f"{name}：") for d in descriptions), descriptions)


class TestDiscoveryAndServices(Open311TestCase):
    def test_discovery(self):
        response = self.client.get(f"{BASE}/discovery.json")
        self.assertEqual(response.status_code, 200, response.text)
        self.assertGeoReport(response, "/@open311/v2/discovery.{format}")
        self.assertEqual(response.json()["endpoints"][0]["url"], f"{self.portal_url}/@open311/v2")
        self.assertTrue(response.headers["Content-Type"].startswith("application/json"))
        self.assertEqual(response.headers["Cache-Control"], "public, max-age=300")

    def test_discovery_as_a_rest_api_request_too(self):
        response = self.anonymous.get(f"{BASE}/discovery.json")
        self.assertEqual(response.status_code, 200, response.text)

    def test_services_are_the_dispute_types(self):
        response = self.client.get(f"{BASE}/services.json")
        self.assertGeoReport(response, "/@open311/v2/services.{format}")
        codes = [service["service_code"] for service in response.json()]
        self.assertEqual(codes[:3], ["wage_arrears", "labor_contract", "dismissal"])
        self.assertEqual(len(codes), 10)
        self.assertEqual(response.json()[0]["service_name"], "拖欠工资")

    def test_service_definition(self):
        response = self.client.get(f"{BASE}/services/wage_arrears.json")
        self.assertGeoReport(response, "/@open311/v2/services/{service_code}.{format}")
        attributes = {a["code"]: a for a in response.json()["attributes"]}
        self.assertTrue(attributes["district"]["required"])
        self.assertIn({"key": "zengdu", "name": "曾都区"}, attributes["district"]["values"])
        self.assertEqual(attributes["claim_amount"]["datatype"], "number")

    def test_unknown_service(self):
        response = self.client.get(f"{BASE}/services/astrology.json")
        self.assertEqual(response.status_code, 404)
        self.assertGeoReport(response, "/@open311/v2/services/{service_code}.{format}")

    def test_xml(self):
        response = self.client.get(f"{BASE}/services.xml")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("text/xml"))
        root = ElementTree.fromstring(response.content)
        self.assertEqual(root.tag, "services")
        self.assertEqual(root.find("service/service_code").text, "wage_arrears")
        self.assertEqual(root.find("service/metadata").text, "true")
        discovery = ElementTree.fromstring(self.client.get(f"{BASE}/discovery.xml").content)
        self.assertEqual(discovery.find("endpoints/endpoint/formats/format").text, "application/json")

    def test_unknown_paths_and_methods(self):
        for path in (
            "@open311/v1/services.json",
            f"{BASE}/services.csv",
            f"{BASE}/nothing.json",
            f"{BASE}/a/b/c.json",
        ):
            self.assertEqual(self.client.get(path).status_code, 404, path)
        response = self.client.post(f"{BASE}/services.json")
        self.assertEqual(response.status_code, 405)
        self.assertEqual(response.json()[0]["code"], 405)


class TestPostServiceRequest(Open311TestCase):
    def test_form_encoded(self):
        response = self.client.post(f"{BASE}/requests.json", data=service_request())
        self.assertEqual(response.status_code, 201, response.text)
        self.assertGeoReport(response, "/@open311/v2/requests.{format}", "post")
        reference = response.json()[0]["service_request_id"]
        transaction.begin()
        case = find_case(reference)
        self.assertEqual(case.applicant_name, "王小明")
        self.assertEqual(case.applicant_phone, APPLICANT_PHONE)
        self.assertEqual(case.facts, FACTS)
        self.assertEqual(case.dispute_types, ["wage_arrears"])
        self.assertEqual(case.district, "zengdu")
        self.assertEqual(case.employer_address, "随州市曾都区工业园8号")
        self.assertEqual(case.workers_involved, 3)
        self.assertIs(case.applicant_gig_worker, True)
        self.assertEqual(case.channel, "web")
        self.assertIsNone(case.hotline_ticket)

    def test_json_with_attribute_object(self):
        body = service_request()
        for key in [k for k in body if k.startswith("attribute[")]:
            del body[key]
        body["attribute"] = {"district": "guangshui", "workers_involved": 2}
        response = self.client.post(f"{BASE}/requests.json", json=body)
        self.assertEqual(response.status_code, 201, response.text)
        transaction.begin()
        case = find_case(response.json()[0]["service_request_id"])
        self.assertEqual((case.district, case.workers_involved), ("guangshui", 2))

    def test_district_from_the_nearest_station(self):
        data = service_request(**{"attribute[district]": None, "lat": "31.62", "long": "113.82"})
        response = self.client.post(f"{BASE}/requests.json", data=data)
        self.assertEqual(response.status_code, 201, response.text)
        transaction.begin()
        self.assertEqual(find_case(response.json()[0]["service_request_id"]).district, "guangshui")

    def test_xml_answer(self):
        response = self.client.post(f"{BASE}/requests.xml", data=service_request())
        self.assertEqual(response.status_code, 201)
        root = ElementTree.fromstring(response.content)
        self.assertEqual(root.tag, "service_requests")
        self.assertRegex(root.find("request/service_request_id").text, r"^SZ-\d{4}-\d{6}$")

    def test_bad_requests_name_each_parameter(self):
        data = service_request(
            service_code="astrology",
            phone="12",
            description=None,
            **{"attribute[district]": None, "attribute[workers_involved]": "many", "color": "red"},
        )
        response = self.client.post(f"{BASE}/requests.json", data=data)
        self.assertGeoReportError(
            response, 400, "service_code", "attribute[workers_involved]", "color"
        )
        self.assertGeoReport(response, "/@open311/v2/requests.{format}", "post")
        # Once the types are right, the schema's rules: phone, description, district.
        data = service_request(phone="12", description=None, **{"attribute[district]": None})
        response = self.client.post(f"{BASE}/requests.json", data=data)
        self.assertGeoReportError(response, 400, "phone", "description", "attribute[district]")
        self.assertEqual(self.case_count(), 0)

    def test_errors_as_xml(self):
        response = self.client.post(f"{BASE}/requests.xml", data=service_request(service_code=""))
        self.assertEqual(response.status_code, 400)
        root = ElementTree.fromstring(response.content)
        self.assertEqual(root.tag, "errors")
        self.assertEqual(root.find("error/code").text, "400")

    def test_anti_spam(self):
        response = self.client.post(f"{BASE}/requests.json", data=service_request(website="x"))
        self.assertEqual(response.status_code, 400)
        response = self.client.post(f"{BASE}/requests.json", data=service_request(description="长" * 70000))
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.case_count(), 0)

    def test_no_channel_or_ticket_through_open311(self):
        response = self.client.post(
            f"{BASE}/requests.json", data=service_request(**{"attribute[hotline_ticket]": "T-1"})
        )
        self.assertEqual(response.status_code, 400)
        response = self.hotline.post(f"{BASE}/requests.json", data=service_request(channel="window"))
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.case_count(), 0)


class TestGetServiceRequests(Open311TestCase):
    def setUp(self):
        super().setUp()
        self.reference = self.client.post(f"{BASE}/requests.json", data=service_request()).json()[0][
            "service_request_id"
        ]
        self.other = self.post_case(district="guangshui").json()["reference"]
        self.move_case(self.other, "route", "accept", "close", route="mediation", outcome="mediated")

    def test_anonymous_list_is_empty(self):
        response = self.client.get(f"{BASE}/requests.json")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), [])
        self.assertEqual(response.headers["Cache-Control"], "no-store")

    def test_applicant_with_phone(self):
        response = self.client.get(
            f"{BASE}/requests.json",
            params={"service_request_id": f"{self.reference},{self.other}", "phone": APPLICANT_PHONE},
        )
        self.assertGeoReport(response, "/@open311/v2/requests.{format}")
        requests = {r["service_request_id"]: r for r in response.json()}
        self.assertEqual(set(requests), {self.reference, self.other})  # both filed with that phone
        self.assertEqual(requests[self.other]["status"], "closed")
        self.assertEqual(requests[self.other]["status_notes"], "已办结：调解成功")
        self.assertEqual(requests[self.reference]["status"], "open")
        self.assertIsNone(requests[self.reference]["description"])
        self.assertNoPersonalData(response)

    def test_one_request(self):
        url = f"{BASE}/requests/{self.reference}.json"
        response = self.client.get(url)
        self.assertEqual(response.status_code, 404)
        self.assertGeoReport(response, "/@open311/v2/requests/{service_request_id}.{format}")
        response = self.client.get(url, params={"phone": "13900000000"})
        self.assertEqual(response.status_code, 404)
        response = self.client.get(url, params={"phone": APPLICANT_PHONE})
        self.assertEqual(response.status_code, 200, response.text)
        self.assertGeoReport(response, "/@open311/v2/requests/{service_request_id}.{format}")
        self.assertEqual(response.json()[0]["status_notes"], "已登记")
        self.assertNoPersonalData(response)

    def test_unknown_request(self):
        response = self.client.get(f"{BASE}/requests/SZ-2000-000001.json", params={"phone": APPLICANT_PHONE})
        self.assertEqual(response.status_code, 404)

    def test_guessing_is_stepped_up_to_the_challenge(self):
        url = f"{BASE}/requests/{self.reference}.json"
        codes = [self.client.get(url, params={"phone": f"1390000{n:04d}"}).status_code for n in range(6)]
        self.assertEqual(codes, [404] * 5 + [429])
        response = self.client.get(url, params={"phone": APPLICANT_PHONE})
        self.assertEqual(response.status_code, 429)
        self.assertGeoReport(response, "/@open311/v2/requests/{service_request_id}.{format}")
        challenge = response.json()[0]["challenge"]
        question = challenge["question"]
        answer = NUMERALS.index(question[0]) + NUMERALS.index(question[2])
        params = {"phone": APPLICANT_PHONE, "challenge_token": challenge["token"], "challenge_answer": answer}
        self.assertEqual(self.client.get(url, params=params).status_code, 200)

    def test_several_references_in_one_request_count_each(self):
        # an employer's scan: one phone against ten sequential references at once
        references = ",".join(f"SZ-2026-{900000 + n:06d}" for n in range(10))
        response = self.client.get(
            f"{BASE}/requests.json", params={"service_request_id": references, "phone": APPLICANT_PHONE}
        )
        self.assertEqual(response.status_code, 429)  # stepped up after the phone's fifth failure
        self.assertIn("challenge", response.json()[0])
        response = self.client.get(
            f"{BASE}/requests.json", params={"service_request_id": self.reference, "phone": APPLICANT_PHONE}
        )
        self.assertEqual(response.status_code, 429)

    def test_staff(self):
        response = self.supervisor.get(f"{BASE}/requests.json")
        self.assertGeoReport(response, "/@open311/v2/requests.{format}")
        requests = {r["service_request_id"]: r for r in response.json()}
        self.assertEqual(set(requests), {self.reference, self.other})
        self.assertEqual(requests[self.reference]["description"], FACTS)
        self.assertEqual(requests[self.reference]["address"], "曾都区")
        open_only = self.supervisor.get(f"{BASE}/requests.json", params={"status": "open"}).json()
        self.assertEqual([r["service_request_id"] for r in open_only], [self.reference])
        by_id = self.supervisor.get(f"{BASE}/requests.json", params={"service_request_id": self.other}).json()
        self.assertEqual([r["service_request_id"] for r in by_id], [self.other])
        response = self.supervisor.get(f"{BASE}/requests/{self.reference}.json")
        self.assertEqual(response.json()[0]["description"], FACTS)
        response = self.supervisor.get(f"{BASE}/requests.json", params={"status": "pending"})
        self.assertEqual(response.status_code, 400)
        response = self.supervisor.get(f"{BASE}/requests.json", params={"start_date": "last week"})
        self.assertEqual(response.status_code, 400)
        future = self.supervisor.get(f"{BASE}/requests.json", params={"start_date": "2999-01-01T00:00:00Z"})
        self.assertEqual(future.json(), [])

    def test_staff_xml(self):
        root = ElementTree.fromstring(self.supervisor.get(f"{BASE}/requests.xml").content)
        self.assertEqual(root.tag, "service_requests")
        self.assertEqual(len(root.findall("request")), 2)
