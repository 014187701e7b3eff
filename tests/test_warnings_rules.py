"""The warning rules (风险预警): each fires at its threshold and not one below, and a further
filing extends the open warning instead of raising a second one. The rules run after the
filing's commit, in a transaction of their own: each filing here is committed."""

from datetime import timedelta
from decimal import Decimal
from plone import api
from Products.CMFCore.indexing import processQueue
from Products.ZCatalog.CatalogBrains import AbstractCatalogBrain
from suizhou.laborrights import background
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.warnings import after_commit
from suizhou.laborrights.warnings import rules
from suizhou.laborrights.warnings.rules import ALL_RULES
from suizhou.laborrights.warnings.store import get_store
from tests.helpers import at
from tests.helpers import make_station
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import valid_credit_code
from tests.mocks import swap_mailhost
from tests.notification_helpers import decoded
from tests.warnings_helpers import commit
from tests.warnings_helpers import references
from tests.warnings_helpers import set_rule
from tests.warnings_helpers import warnings_of
from unittest import mock
from zope.component.hooks import getSite
from zope.component.hooks import setSite
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import transaction
import unittest


class RulesTestCase(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.seq = 100

    def case(self, **fields):
        """A case against an employer of its own unless ``employer_*`` are given, committed."""
        self.seq += 1
        fields.setdefault("employer_credit_code", valid_credit_code(self.seq))
        fields.setdefault("employer_name", f"随州市第{self.seq}机械有限公司")
        case = new_case(**fields)
        commit()
        return case


class TestCollectiveRule(RulesTestCase):
    def test_ten_workers_raise_a_red_warning_nine_do_not(self):
        self.case(workers_involved=9)
        self.assertEqual(warnings_of("collective"), [])

        case = self.case(workers_involved=10)

        [warning] = warnings_of("collective")
        self.assertEqual((warning.level, warning.state, warning.workers), ("red", "open", 10))
        self.assertEqual(references(warning), [case.getId()])

    def test_the_threshold_is_the_administrators(self):
        set_rule(collective_workers=20)
        self.case(workers_involved=19)
        self.assertEqual(warnings_of("collective"), [])
        self.case(workers_involved=20)
        self.assertEqual(len(warnings_of("collective")), 1)

    def test_a_switched_off_rule_stays_silent(self):
        set_rule(collective_enabled=False)
        self.case(workers_involved=50)
        self.assertEqual(warnings_of("collective"), [])


class TestEmployerRule(RulesTestCase):
    """Default: 5 cases against one employer within 30 days."""

    def against(self, day, month=3, **fields):
        fields.setdefault("employer_credit_code", "91421300MA4000001X")
        fields.setdefault("employer_name", "随州市恒驰机械有限公司")
        return self.case(received=at(2026, month, day), **fields)

    def test_five_cases_within_the_period_warn_four_do_not(self):
        for day in (2, 3, 4, 5):
            self.against(day)
        self.assertEqual(warnings_of("employer"), [])

        self.against(6)

        [warning] = warnings_of("employer")
        self.assertEqual(len(warning.cases), 5)
        self.assertEqual((warning.level, warning.workers), ("orange", 5))
        self.assertEqual(warning.districts, ["zengdu"])

    def test_a_further_filing_extends_the_open_warning(self):
        cases = [self.against(day) for day in (2, 3, 4, 5, 6)]
        cases.append(self.against(9, district="suixian", workers_involved=2))

        [warning] = warnings_of("employer")
        self.assertEqual(references(warning), sorted(case.getId() for case in cases))
        self.assertEqual(warning.workers, 7)
        self.assertEqual(warning.districts, ["suixian", "zengdu"])

    def test_a_case_31_days_before_does_not_count(self):
        self.against(19, month=2)  # 31 days before 22 March
        for day in (2, 3, 4):
            self.against(day)
        self.against(22)
        self.assertEqual(warnings_of("employer"), [])

        latest = self.against(23)

        [warning] = warnings_of("employer")
        self.assertEqual(len(warning.cases), 5)
        self.assertIn(latest.getId(), references(warning))

    def test_the_name_counts_when_the_credit_code_is_missing(self):
        for day in (2, 3, 4):
            self.against(day)
        self.against(5, employer_credit_code=None, employer_name="随州市 恒驰机械有限责任公司")
        self.against(6, employer_credit_code=None, employer_name="随州市恒驰机械有限公司曾都分公司")

        [warning] = warnings_of("employer")
        self.assertEqual(len(warning.cases), 5)
        self.assertEqual(warning.key, "code:91421300MA4000001X")

    def test_the_cluster_is_named_from_the_catalog_without_waking_a_case(self):
        self.against(2)  # the one case with the credit code
        nameless = [
            self.against(day, employer_credit_code=None, employer_name="随州市恒驰机械有限责任公司")
            for day in (3, 4, 5, 6)
        ]
        with mock.patch.object(AbstractCatalogBrain, "_unrestrictedGetObject") as woken:
            finding = rules.employer(nameless[-1])
        self.assertEqual(finding.key, "code:91421300MA4000001X")
        woken.assert_not_called()

    def test_as_many_workers_as_a_collective_dispute_make_it_red(self):
        for day in (2, 3, 4, 5):
            self.against(day)
        self.against(6, workers_involved=6)  # 4 + 6 = 10 workers

        [warning] = warnings_of("employer")
        self.assertEqual((warning.level, warning.workers), ("red", 10))

    def test_another_employer_does_not_count(self):
        for day in (2, 3, 4, 5):
            self.against(day)
        self.against(6, employer_credit_code=valid_credit_code(7), employer_name="随州市另一家有限公司")
        self.assertEqual(warnings_of("employer"), [])


class TestAmountRule(RulesTestCase):
    def test_wage_arrears_above_the_threshold(self):
        self.case(claim_amount=Decimal("200000"))
        self.assertEqual(warnings_of("amount"), [])

        case = self.case(claim_amount=Decimal("200000.01"))

        [warning] = warnings_of("amount")
        self.assertEqual(references(warning), [case.getId()])
        self.assertEqual(warning.level, "orange")

    def test_other_dispute_types_do_not_count(self):
        self.case(claim_amount=Decimal("900000"), dispute_types=["dismissal"])
        self.assertEqual(warnings_of("amount"), [])


class TestRiskList(RulesTestCase):
    def test_a_listed_credit_code_or_name_warns(self):
        set_rule(risk_employers=("91421300MA4000002X", "随州市黑名单建筑劳务有限公司"))
        self.case(employer_credit_code="91421300MA4000003X")
        self.assertEqual(warnings_of("risk_list"), [])

        by_code = self.case(employer_credit_code="91421300MA4000002X")
        by_name = self.case(employer_credit_code=None, employer_name="随州市黑名单建筑劳务有限责任公司")

        self.assertEqual(
            sorted(references(w)[0] for w in warnings_of("risk_list")), sorted([by_code.getId(), by_name.getId()])
        )

    def test_an_employer_whose_warning_was_closed_is_on_the_list(self):
        first = self.case(workers_involved=12, employer_credit_code="91421300MA4000004X")
        [warning] = warnings_of("collective")
        self.case(employer_credit_code="91421300MA4000004X")
        self.assertEqual(warnings_of("risk_list"), [])  # still open: watched already

        get_store().transition(warning, "close", "admin", "企业已补发工资")
        again = self.case(employer_credit_code="91421300MA4000004X")

        [listed] = warnings_of("risk_list")
        self.assertEqual(references(listed), [again.getId()])
        self.assertNotIn(first.getId(), references(listed))


class TestOverdueRule(RulesTestCase):
    def setUp(self):
        super().setUp()
        set_rule(overdue_cases=2)
        self.unit = make_station("unit-a", title="曾都区维权中心", level="center")

    def routed_overdue(self, day):
        case = self.case(received=at(2026, 3, day))
        with api.env.adopt_roles(["Manager"]):
            route(case, self.unit.UID(), route="mediation", when=at(2026, 3, day))
        commit()
        return case

    def test_two_overdue_cases_in_one_unit_warn_one_does_not(self):
        first = self.routed_overdue(2)
        self.assertEqual(warnings_of("overdue"), [])

        second = self.routed_overdue(3)

        [warning] = warnings_of("overdue")
        self.assertEqual(references(warning), sorted([first.getId(), second.getId()]))
        self.assertEqual((warning.level, warning.subject), ("yellow", "曾都区维权中心"))

    def test_a_case_not_overdue_does_not_count(self):
        self.routed_overdue(2)
        fresh = self.case()
        with api.env.adopt_roles(["Manager"]):
            route(fresh, self.unit.UID(), route="mediation")
        commit()
        self.assertEqual(warnings_of("overdue"), [])


class TestSurgeRule(RulesTestCase):
    """Default: the last 7 days against the average of the 4 weeks before, 200 %, at least 5.
    The weeks before are filed with the rule off (their own rise is not the point)."""

    def filed(self, day, dispute_type="work_injury", district="suixian"):
        return self.case(received=at(2026, 3, day), district=district, dispute_types=[dispute_type])

    def earlier(self, days):
        set_rule(surge_enabled=False)
        for day in days:
            self.filed(day)
        set_rule(surge_enabled=True)

    def test_a_rise_to_twice_the_average_with_the_minimum_count(self):
        self.earlier(range(2, 8))  # 6 in the four weeks before: 1.5 a week
        for day in (24, 25, 26, 27):
            self.filed(day)
        self.assertEqual(warnings_of("surge"), [])  # 4 < the minimum of 5

        self.filed(28)

        [warning] = warnings_of("surge")
        self.assertEqual(warning.subject, "随县 · 工伤")
        self.assertEqual(len(warning.cases), 5)
        self.assertEqual(warning.districts, ["suixian"])

    def test_not_one_below_twice_the_average(self):
        self.earlier(range(2, 14))  # 12 in the four weeks before: 3 a week
        for day in (24, 25, 26, 27, 28):  # 5 < 6
            self.filed(day)
        self.assertEqual(warnings_of("surge"), [])

        self.filed(29)  # 6 = 2 × 3

        [warning] = warnings_of("surge")
        self.assertEqual(len(warning.cases), 6)

    def test_further_filings_extend_the_open_warning(self):
        self.earlier(range(2, 8))
        for day in (24, 25, 26, 27, 28):
            self.filed(day)
        [warning] = warnings_of("surge")

        later = [self.filed(28), self.filed(29)]

        self.assertEqual(warnings_of("surge"), [warning])
        self.assertEqual(len(warning.cases), 7)
        self.assertTrue(all(case.UID() in warning.cases for case in later))

    def test_days_are_beijing_days(self):
        """A case received at 00:30 in Beijing (16:30 the day before in UTC) counts for its
        Beijing day: the first day of the 7 up to the 28th."""
        half_past_midnight = at(2026, 3, 22, hour=0) + timedelta(minutes=30)
        self.case(received=half_past_midnight, district="suixian", dispute_types=["work_injury"])
        for day in (24, 25, 26):
            self.filed(day)
        self.assertEqual(warnings_of("surge"), [])

        self.filed(28)

        [warning] = warnings_of("surge")
        self.assertEqual(len(warning.cases), 5)

    def test_a_case_of_two_types_counts_for_each(self):
        for day in (24, 25, 26, 27):
            self.filed(day, dispute_type="dismissal")
            self.filed(day)
        self.case(received=at(2026, 3, 28), district="suixian", dispute_types=["work_injury", "dismissal"])

        subjects = sorted(warning.subject for warning in warnings_of("surge"))
        self.assertEqual(subjects, ["随县 · 工伤", "随县 · 解除劳动关系及经济补偿"])

    def test_other_districts_and_types_do_not_count(self):
        for day in (24, 25, 26, 27):
            self.filed(day)
        self.filed(28, district="zengdu")
        self.filed(28, dispute_type="dismissal")
        self.assertEqual(warnings_of("surge"), [])


class TestIdempotent(RulesTestCase):
    def test_running_the_rules_again_changes_nothing(self):
        case = self.case(workers_involved=15)
        [warning] = warnings_of("collective")
        updated = warning.updated

        notify(ObjectModifiedEvent(case))  # as an edit does; the handling events do the same
        commit()

        self.assertEqual(warnings_of("collective"), [warning])
        self.assertEqual(warning.updated, updated)

    def test_a_new_warning_once_the_old_one_is_closed(self):
        self.case(workers_involved=15, employer_credit_code="91421300MA4000005X")
        [old] = warnings_of("collective")
        get_store().transition(old, "close", "admin", "已处置")

        self.case(workers_involved=11, employer_credit_code="91421300MA4000005X")

        self.assertEqual(len(warnings_of("collective")), 2)
        self.assertEqual(old.state, "closed")


class TestAllRulesSwitchedOff(RulesTestCase):
    def test_nothing_runs_after_the_filing_and_a_rule_switched_back_on_catches_up(self):
        set_rule(**{f"{rule}_enabled": False for rule in ALL_RULES})
        commit()
        case = new_case(workers_involved=30, employer_credit_code=valid_credit_code(7))

        hooks = [hook for hook, _args, _kws in transaction.get().getAfterCommitHooks()]
        self.assertNotIn(after_commit._after_commit, hooks)
        commit()
        self.assertEqual(warnings_of(), [])

        set_rule(collective_enabled=True)
        notify(ObjectModifiedEvent(case))  # the next change of the case
        commit()
        [warning] = warnings_of("collective")
        self.assertEqual(references(warning), [case.getId()])


class TestFilingsAtOnce(RulesTestCase):
    """Two filings against one employer in two transactions at once, as two request threads
    (or two Zope instances) file them: neither writes the warning, so both commit without a
    write conflict, and the warning counts both."""

    CODE, NAME = "91421300MA4000006X", "随州市同时登记机械有限公司"

    def setUp(self):
        super().setUp()
        self.mailhost = swap_mailhost(self, self.portal)
        make_user("city", groups=["city_admins"])
        commit()

    def against(self, day, workers=1, commit_it=True):
        case = new_case(
            received=at(2026, 3, day), employer_credit_code=self.CODE, employer_name=self.NAME, workers_involved=workers
        )
        if commit_it:
            commit()
        return case

    def file_at_once(self, *days):
        """One filing per day, each on its own connection in its own transaction, both begun
        before either commits; returns the references. A write conflict fails the test."""
        db = self.layer["zodbDB"]
        managers = [transaction.TransactionManager() for _day in days]
        connections = [db.open(transaction_manager=manager) for manager in managers]
        site = getSite()
        try:
            references = []
            for manager, connection, day in zip(managers, connections, days):
                manager.begin()
                setSite(connection.root()["Application"].plone)
                references.append(self.against(day, commit_it=False).getId())
                processQueue()  # index now, in this connection (the queue follows the thread's transaction)
            setSite(site)
            for manager in managers:
                manager.commit()  # ConflictError if the filings wrote the same object
            background.drain()
            return references
        finally:
            setSite(site)
            for manager, connection in zip(managers, connections):
                manager.abort()
                connection.close()
            transaction.begin()

    def test_two_filings_extend_the_open_warning_at_once(self):
        earlier = [self.against(day).getId() for day in (2, 3, 4, 5, 6)]
        [warning] = warnings_of("employer")
        self.assertEqual(len(warning.cases), 5)

        at_once = self.file_at_once(9, 10)

        [warning] = warnings_of("employer")
        self.assertEqual(references(warning), sorted(earlier + at_once))
        self.assertEqual(warning.workers, 7)

    def test_the_threshold_reached_by_two_filings_at_once_is_one_red_warning_told_once(self):
        earlier = [self.against(day, workers=2).getId() for day in (2, 3, 4, 5)]  # 4 cases, 8 workers
        self.assertEqual(warnings_of("employer"), [])

        at_once = self.file_at_once(9, 10)  # the 5th case (9 workers) and the 6th (10: red)

        [warning] = warnings_of("employer")
        self.assertEqual(references(warning), sorted(earlier + at_once))
        self.assertEqual((warning.level, warning.workers), ("red", 10))
        mails = [decoded(raw) for raw in self.mailhost.messages]
        self.assertEqual([to for to, _subject, _body in mails], ["city@example.org"])
        self.assertIn(self.NAME, mails[0][1])
