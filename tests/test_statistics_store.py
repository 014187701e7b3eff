"""The statistics' own store of records (statistics/store.py) follows every change of a case: a
filing, routing, closing, reopening, an edit (moving a case to another district or month), a
rating, anonymisation and deletion; the level of resolution is counted from it, on the
statistics page's table and on a station's public page."""

from datetime import date
from decimal import Decimal
from io import BytesIO
from openpyxl import load_workbook
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from suizhou.laborrights.cases import retention
from suizhou.laborrights.cases.closure import close_case
from suizhou.laborrights.cases.closure import resolution_counts
from suizhou.laborrights.cases.filing import file_case
from suizhou.laborrights.forms.rating import rate
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.statistics import figures as f
from suizhou.laborrights.statistics import store
from suizhou.laborrights.statistics.excel import xlsx_bytes
from suizhou.laborrights.statistics.records import Record
from suizhou.laborrights.statistics.selection import Period
from suizhou.laborrights.statistics.selection import select
from suizhou.laborrights.statistics.tables import all_tables
from suizhou.laborrights.statistics.tables import period_label
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import at
from tests.helpers import case_fields
from tests.helpers import chinese_site
from tests.helpers import make_station
from tests.helpers import new_case
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import hashlib
import transaction
import unittest


MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))
APRIL = Period(date(2026, 4, 1), date(2026, 4, 30))
CITY = ["zengdu", "guangshui"]


def received_days(period, districts=CITY):
    return sorted(r.received for r in select(period, districts).received)


def levels_at(unit):
    return [(zh(title), number) for title, number in resolution_counts(unit.UID())]


class StoreTestCase(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        chinese_site()
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.unit = make_station("store-unit", title="存储测试服务站", level="station")


class TestTheStoreFollowsTheCase(StoreTestCase):
    def test_a_filing_is_counted_at_once(self):
        case = file_case(case_fields(), received=at(2026, 3, 9))
        self.assertEqual(received_days(MARCH), ["2026-03-09"])
        record = store.get(store.trees(), case.UID())
        self.assertEqual((record.district, record.state, record.closed), ("zengdu", "registered", None))

    def test_routing_closing_and_reopening(self):
        case = new_case(received=at(2026, 3, 2))
        route(case, self.unit.UID(), route="mediation", when=at(2026, 3, 2))
        record = select(MARCH, CITY).received[0]
        self.assertEqual((record.route, record.unit, record.state), ("mediation", self.unit.UID(), "routed"))
        close_case(case, "mediated", mediation_result="agreement", amount_recovered=Decimal("1200.50"))
        case.closed = at(2026, 3, 20)
        case.reindexObject()
        closed = select(MARCH, CITY).closed
        self.assertEqual([(r.closed, r.mediation_result) for r in closed], [("2026-03-20", "agreement")])
        self.assertEqual(f.amount_recovered(closed), Decimal("1200.50"))
        api.content.transition(obj=case, transition="reopen", comment="当事人反悔")
        chosen = select(MARCH, CITY)
        self.assertEqual(chosen.closed, [])  # its March closure is gone
        self.assertEqual([r.state for r in chosen.received], ["in_progress"])

    def test_an_edit_moves_the_case_to_its_new_district_and_month(self):
        case = new_case(received=at(2026, 3, 31, 23))
        self.assertEqual(received_days(MARCH, ["zengdu"]), ["2026-03-31"])
        case.district = "guangshui"
        case.received = at(2026, 4, 1, 0)
        notify(ObjectModifiedEvent(case))
        self.assertEqual(received_days(MARCH, CITY), [])
        self.assertEqual(received_days(APRIL, ["zengdu"]), [])
        self.assertEqual(received_days(APRIL, ["guangshui"]), ["2026-04-01"])

    def test_a_rating_is_counted(self):
        case = new_case(received=at(2026, 3, 2))
        route(case, self.unit.UID(), route="mediation", when=at(2026, 3, 2))
        close_case(case, "mediated", mediation_result="settlement")
        period = Period(date(2026, 3, 1), date.today())
        self.assertEqual(f.rated(select(period, CITY).closed), [])
        rate(case, "satisfied")
        self.assertEqual(f.satisfaction_levels(select(period, CITY).closed)[4], 1)

    def test_anonymisation_keeps_the_figures_and_deletion_drops_them(self):
        kept = new_case(received=at(2026, 3, 3), claim_amount=Decimal("8000"))
        deleted = new_case(received=at(2026, 3, 4))
        retention.anonymise(kept)
        self.assertEqual(received_days(MARCH), ["2026-03-03", "2026-03-04"])
        self.assertEqual(f.amount_claimed(select(MARCH, CITY).received), Decimal("8000.00"))
        api.content.delete(obj=deleted)
        self.assertEqual(received_days(MARCH), ["2026-03-03"])
        self.assertIsNone(store.get(store.trees(), deleted.UID()))

    def test_pending_arbitration_counts_open_and_later_closed_cases_only(self):
        open_, later, before = (new_case(received=at(2026, 2, day)) for day in (10, 11, 12))
        mediation = new_case(received=at(2026, 2, 13))
        for case in (open_, later, before):
            route(case, self.unit.UID(), route="arbitration", when=at(2026, 2, 13))
        route(mediation, self.unit.UID(), route="mediation", when=at(2026, 2, 13))
        for case, day in ((later, date(2026, 3, 1)), (before, date(2026, 2, 28))):
            close_case(case, "award", award_result="partly")
            case.closed = at(day.year, day.month, day.day, 17)
            case.reindexObject()
        pending = select(MARCH, CITY).arbitration_pending
        self.assertEqual(sorted(r.received for r in pending), ["2026-02-10", "2026-02-11"])


class TestResolutionLevels(StoreTestCase):
    def close(self, unit, level=None):
        received = at(2026, 3, 2)
        case = new_case(received=received)
        route(case, unit.UID(), route="inspection", when=received)
        close_case(case, "inspection_closed", Decimal("0"), 1, resolution_level=level)
        return case

    def test_levels_of_the_matters_closed_in_the_period(self):
        point = make_station("store-point", title="存储测试服务点", level="point")
        self.close(self.unit)  # the unit's level: station
        self.close(self.unit, "partner")
        self.close(point)
        self.close(point, "center")
        withdrawn = new_case(received=at(2026, 3, 5))
        route(withdrawn, self.unit.UID(), route="mediation", when=at(2026, 3, 5))
        api.content.transition(obj=withdrawn, transition="withdraw", comment="申请人撤回")
        reopened = self.close(self.unit, "station")
        api.content.transition(obj=reopened, transition="reopen", comment="重新办理")
        period = Period(date(2026, 3, 1), date.today())
        table = next(t for t in all_tables(select(period, CITY)) if t.id == "resolution_levels")
        self.assertEqual(
            [row[:2] for row in table.rows],
            [
                ["服务点（村、社区）", 1],
                ["服务站（乡镇、街道）", 1],
                ["维权中心（区县、市）", 1],
                ["1+X 合作单位（法院、工会、公安等）", 1],
                ["未记录层级", 0],
            ],
        )
        self.assertEqual(levels_at(self.unit), [("服务站（乡镇、街道）", 1), ("1+X 合作单位（法院、工会、公安等）", 1)])
        self.assertEqual(levels_at(point), [("服务点（村、社区）", 1), ("维权中心（区县、市）", 1)])

    def test_a_closed_case_without_a_level_is_shown_as_unrecorded(self):
        case = self.close(self.unit)
        del case.resolution_level  # closed before levels were recorded, unit level unknown
        case.reindexObject()
        table = next(
            t for t in all_tables(select(Period(date(2026, 3, 1), date.today()), CITY)) if t.id == "resolution_levels"
        )
        self.assertEqual(dict((row[0], row[1]) for row in table.rows)["未记录层级"], 1)
        self.assertEqual(levels_at(self.unit), [])

    def test_a_district_counts_its_own_levels_and_the_workbook_has_the_sheet(self):
        guangshui = make_station("store-guangshui", district="guangshui", title="广水测试服务点", level="point")
        case = new_case(received=at(2026, 3, 2), district="guangshui")
        route(case, guangshui.UID(), route="inspection", when=at(2026, 3, 2))
        close_case(case, "inspection_closed", Decimal("0"), 1)
        self.close(self.unit)
        period = Period(date(2026, 3, 1), date.today())

        def levels(districts):
            tables = all_tables(select(period, districts))
            return next(t for t in tables if t.id == "resolution_levels"), tables

        zengdu, _tables = levels(["zengdu"])
        self.assertEqual([row[1] for row in zengdu.rows], [0, 1, 0, 0, 0])  # not 广水市's 服务点
        city, tables = levels(CITY)
        self.assertEqual([row[1] for row in city.rows], [1, 1, 0, 0, 0])
        book = load_workbook(BytesIO(xlsx_bytes(tables, period_label(period))))
        sheet = [[cell.value for cell in row] for row in book["化解层级"].iter_rows(max_row=6)]
        self.assertEqual(sheet[0], ["化解层级", "事项数"])
        self.assertEqual(sheet[1:], [[row[0], row[1]] for row in city.rows])


class TestFilingsAtOnce(unittest.TestCase):
    """Several Zope instances record filings at the same moment: each records its case in its own
    transaction, and both commit (the store once put every new case of a district into its last
    bucket; when that bucket split, the other instance's filing failed with a write conflict)."""

    layer = FUNCTIONAL_TESTING
    DAY = "2026-03-02"

    def record(self, number):
        blank = Record._make([None] * len(Record._fields))
        uid = hashlib.md5(str(number).encode()).hexdigest()  # random-looking, as Plone's uuid4 uids
        return uid, blank._replace(district="zengdu", route="", received=self.DAY)

    def put_at_once(self, numbers):
        """One record per number, each on its own connection, all begun before any commits."""
        db = self.layer["zodbDB"]
        managers = [transaction.TransactionManager() for _number in numbers]
        connections = [db.open(transaction_manager=manager) for manager in managers]
        try:
            for manager, connection, number in zip(managers, connections, numbers):
                manager.begin()
                store.put(store.trees(connection.root()["Application"].plone, create=True), *self.record(number))
            for manager in managers:
                manager.commit()  # a ConflictError if both wrote the same tree
        finally:
            for connection in connections:
                connection.close()

    def test_two_instances_filing_on_a_busy_day_both_commit(self):
        trees = store.trees(self.layer["portal"], create=True)
        for number in range(600):  # the day's earlier filings
            store.put(trees, *self.record(number))
        transaction.commit()
        for number in range(600, 660, 2):
            self.put_at_once([number, number + 1])
        transaction.begin()
        day = Period(date(2026, 3, 2), date(2026, 3, 2))
        self.assertEqual(len(select(day, ["zengdu"]).received), 660)
