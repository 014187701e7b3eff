"""The claims of a case (请求明细): entered row by row on the edit form and at the intake desk,
refused with a Chinese message and nothing stored when a row is absurd, and judged one by one
for the final award (终局裁决) on the routing form."""

from decimal import Decimal
from lxml import html
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.testing.zope import Browser
from suizhou.laborrights.cases.filing import file_case
from suizhou.laborrights.cases.filing import FilingError
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.desk_helpers import DeskTestCase
from tests.helpers import case_fields
from tests.helpers import count_cases
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import PASSWORD
from urllib.parse import urlencode
from zope.i18n import translate

import transaction
import unittest


def claim_rows(prefix, rows):
    """What the datagrid's script posts for ``rows`` of (kind, amount, note)."""
    data = [(f"{prefix}.count", str(len(rows)))]
    for index, (kind, amount, note) in enumerate(rows):
        row = f"{prefix}.{index}"
        data += [
            (f"{row}-empty-marker", "1"),
            (f"{row}.widgets.kind:list", kind),
            (f"{row}.widgets.kind-empty-marker", "1"),
            (f"{row}.widgets.amount", amount),
            (f"{row}.widgets.note", note),
        ]
    return data


def desk_claims(rows):
    """The rows as the desk tests' request form holds them (``desk_form`` adds the prefix)."""
    found = {}
    for name, value in claim_rows("claims", rows):
        if name.endswith(":list"):
            found[name.removesuffix(":list")] = [value]
        elif not name.endswith(".kind-empty-marker"):
            found[name] = value
    return found


class TestFilingClaims(unittest.TestCase):
    """The rule every channel shares (filing.file_case)."""

    layer = INTEGRATION_TESTING

    def setUp(self):
        # file_case registers as staff unless told otherwise: here as a clerk of every district.
        setRoles(self.layer["portal"], TEST_USER_ID, ["IntakeClerk"])

    def refused(self, rows):
        before = count_cases()
        with self.assertRaises(FilingError) as raised:
            with api.env.adopt_roles(["Manager"]):
                file_case(case_fields(claims=rows))
        self.assertEqual(count_cases(), before)
        return raised.exception.errors

    def test_claims_are_stored_as_rows(self):
        rows = [
            {"kind": "wages", "amount": Decimal("12000"), "note": "2026年8月至10月"},
            {"kind": "labour_relation", "amount": None, "note": None},
        ]
        with api.env.adopt_roles(["Manager"]):
            case = file_case(case_fields(claims=rows))
        self.assertEqual(case.claims, rows)

    def test_absurd_rows_are_refused_in_chinese(self):
        errors = self.refused(
            [
                {"kind": "wages", "amount": Decimal("-1"), "note": None},
                {"kind": "piracy", "amount": Decimal("100"), "note": None},
                {"kind": "damages", "amount": Decimal("100000000.01"), "note": None},
                {"kind": None, "amount": Decimal("5"), "note": None},
            ]
        )
        self.assertEqual(
            errors,
            {
                "claims[0].amount": "请求明细第 1 项，金额（元）：金额应在 0 至 1 亿元之间。",
                "claims[1].kind": "请求明细第 2 项，请求类别：“piracy”不是可选的项目。",
                "claims[2].amount": "请求明细第 3 项，金额（元）：金额应在 0 至 1 亿元之间。",
                "claims[3].kind": "请求明细第 4 项，请填写“请求类别”。",
            },
        )

    def test_a_row_that_is_not_a_row(self):
        errors = self.refused([{"kind": "wages", "amount": Decimal("1"), "note": None, "x": 1}, "工资"])
        self.assertEqual(set(errors), {"claims[0].x", "claims[1]"})


class TestDeskClaims(DeskTestCase):
    def test_the_clerk_enters_the_claims_row_by_row(self):
        self.submit(**desk_claims([("wages", "9000", "工资"), ("social_insurance", "", "补缴社保")]))
        case = self.registered()
        self.assertEqual(
            case.claims,
            [
                {"kind": "wages", "amount": Decimal("9000"), "note": "工资"},
                {"kind": "social_insurance", "amount": None, "note": "补缴社保"},
            ],
        )

    def test_bad_rows_are_refused_and_nothing_is_stored(self):
        before = count_cases()
        for amount, message in (
            ("-5", "金额应在 0 至 1 亿元之间"),
            ("很多", "不是一个有效的十进制"),
            ("1000000000", "金额应在 0 至 1 亿元之间"),
        ):
            form = self.submit(**desk_claims([("wages", amount, "")]))
            self.assertIsNone(self.registered(), amount)
            (row,) = [w for w in form.widgets["claims"].widgets if not w.id.endswith(("AA", "TT"))]
            self.assertIn(message, self.translated(row.widgets["amount"].error.message), amount)
        self.assertEqual(count_cases(), before)

    def translated(self, message):
        return translate(message, context=self.request)


class TestEditFormClaims(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        make_user("claims_admin", roles=["Manager"])
        self.case = new_case(claim_amount=None)
        self.url = self.case.absolute_url()
        transaction.commit()
        self.browser = Browser(self.layer["app"])
        self.browser.handleErrors = False
        self.browser.addHeader("Authorization", f"Basic claims_admin:{PASSWORD}")

    def save(self, rows, reason="逐项登记请求"):
        """Open the edit form and save it with the claims ``rows`` (kind, amount, note)."""
        self.browser.open(f"{self.url}/edit")
        form = html.fromstring(self.browser.contents).get_element_by_id("form")
        data = [
            (name, value)
            for name, value in form.form_values()
            if not name.startswith("form.widgets.claims.")
        ]
        data = [(n, v) if n != "form.widgets.change_reason" else (n, reason) for n, v in data]
        data += claim_rows("form.widgets.claims", rows) + [("form.buttons.save", "保存")]
        self.browser.post(form.action, urlencode(data))
        transaction.begin()

    def test_claims_are_saved_recorded_and_judged_one_by_one(self):
        self.save([("wages", "12000", ""), ("damages", "30000", "违法解除")])
        self.assertEqual(
            self.case.claims,
            [
                {"kind": "wages", "amount": Decimal("12000"), "note": None},
                {"kind": "damages", "amount": Decimal("30000"), "note": "违法解除"},
            ],
        )
        (name, old, new), = dict(entries(self.case)[-1].details)["changes"]
        self.assertEqual(name, "claims")
        self.browser.open(self.url)
        self.assertIn("请求明细：— → 劳动报酬（拖欠工资等） 12,000.00 元；赔偿金 30,000.00 元", self.browser.contents)
        self.browser.open(f"{self.url}/@@route-case")
        page = html.fromstring(self.browser.contents)
        (final_award,) = page.cssselect(".triage-final_award")
        self.assertIn("赔偿金 30,000.00 元", final_award.text_content())
        self.assertNotIn("applies", final_award.get("class"))

    def test_concurrent_edits_of_the_claims_and_another_field_are_both_kept(self):
        self.save([("wages", "12000", "")])
        first = Browser(self.layer["app"])
        first.handleErrors = False
        first.addHeader("Authorization", f"Basic claims_admin:{PASSWORD}")
        first.open(f"{self.url}/edit")
        self.save([("wages", "12000", ""), ("damages", "30000", "")], reason="补登一项")
        first.getControl(name="form.widgets.workers_involved").value = "3"
        first.getControl(name="form.buttons.save").click()
        transaction.begin()
        self.assertEqual(self.case.workers_involved, 3)
        self.assertEqual([row["kind"] for row in self.case.claims], ["wages", "damages"])

    def test_bad_rows_are_refused_and_the_old_claims_kept(self):
        self.save([("wages", "12000", "")])
        for rows, message in (
            ([("wages", "-1", "")], "金额应在 0 至 1 亿元之间"),
            ([("wages", "abc", "")], "不是一个有效的十进制"),
            ([("wages", "999999999999", "")], "金额应在 0 至 1 亿元之间"),
            ([("piracy", "10", "")], "缺少必需的输入"),  # a kind the list does not offer
        ):
            self.save(rows, reason="")
            self.assertRegex(self.browser.url, r"/(@@)?edit$")
            self.assertIn(message, self.browser.contents, rows)
            self.assertEqual(
                self.case.claims, [{"kind": "wages", "amount": Decimal("12000"), "note": None}], rows
            )
