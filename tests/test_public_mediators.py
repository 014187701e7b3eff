"""Mediator directory (filters, pinyin order) and profiles with figures counted from cases."""

from plone import api
from plone.namedfile.file import NamedBlobImage
from suizhou.laborrights.public.mediators import case_figures
from suizhou.laborrights.public.utils import initial
from suizhou.laborrights.public.utils import name_pinyin
from suizhou.laborrights.public.utils import pinyin_key
from tests.helpers import APPLICANT_NAME
from tests.helpers import bring_to
from tests.helpers import new_case
from tests.helpers import PublicPagesTestCase

import base64
import lxml.html
import transaction
import unittest


# A 1×1 PNG.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def closed_case(handler, outcome, **fields):
    """A case handled by ``handler`` and closed with ``outcome``."""
    case = new_case(**fields)
    bring_to(case, "in_progress")
    with api.env.adopt_roles(["Manager"]):
        case.handler = handler
        case.outcome = outcome
        api.content.transition(obj=case, transition="close")
        case.reindexObject()
    return case


class TestPinyin(unittest.TestCase):
    def test_names(self):
        self.assertEqual(name_pinyin("陈红梅"), ["chen", "hong", "mei"])
        # Surnames read as surnames.
        self.assertEqual(name_pinyin("曾小明")[0], "zeng")
        self.assertEqual(name_pinyin("单田芳")[0], "shan")
        self.assertEqual(initial("曾小明"), "Z")
        self.assertEqual(initial("欧阳修"), "O")
        self.assertEqual(initial(""), "#")

    def test_order(self):
        names = ["张三", "曾四", "安五", "陈六", "蔡七", "Alice"]
        self.assertEqual(sorted(names, key=pinyin_key), ["Alice", "安五", "蔡七", "陈六", "曾四", "张三"])


class MediatorsTestCase(PublicPagesTestCase):
    def directory(self, query=""):
        doc = self.page("/mediators" + query)
        return [
            a.cssselect(".sz-mediator-name")[0].text_content()
            for a in doc.cssselect(".sz-letter-group .sz-mediator-card")
        ]


class TestDirectory(MediatorsTestCase):
    def test_all_in_pinyin_order(self):
        names = self.directory()
        self.assertEqual(len(names), 15)
        self.assertEqual(names, sorted(names, key=pinyin_key))
        self.assertEqual(names[:3], ["陈红梅", "高明", "何军"])
        doc = lxml.html.fromstring(self.browser.contents)
        letters = [a.text_content() for a in doc.cssselect(".sz-letters a")]
        self.assertEqual(letters, sorted(letters))
        self.assertEqual(letters[0], "C")

    def test_gold_medal_featured(self):
        doc = self.page("/mediators")
        featured = [n.text_content() for n in doc.cssselect(".sz-featured .sz-mediator-name")]
        self.assertEqual(featured, ["陈红梅", "高明", "李建国", "刘芳", "周德华"])

    def test_filters(self):
        self.assertEqual(self.directory("?kind=union"), ["高明", "李建国", "马晓丽"])
        self.assertEqual(self.directory("?district=suixian"), ["徐兰", "周德华"])
        self.assertEqual(self.directory("?studio=new_employment"), ["马晓丽", "吴静"])
        self.assertEqual(self.directory("?gold=1&kind=people"), ["周德华"])
        self.assertEqual(self.directory("?district=nowhere"), self.directory())
        doc = self.page("/mediators?gold=1")
        self.assertFalse(doc.cssselect(".sz-featured"))  # no featured block when filtered
        self.assertEqual(doc.get_element_by_id("sz-m-gold").get("checked"), "checked")

    def test_no_phone_or_account(self):
        self.page("/mediators")
        self.assertNotIn("13907220031", self.browser.contents)  # 吴静's phone
        self.page("/stations/suixian/xu-lan")
        self.assertNotIn("sx_xulan", self.browser.contents)
        self.assertNotIn("0722-4210121", self.browser.contents)


class TestProfile(MediatorsTestCase):
    def test_profile(self):
        doc = self.page("/stations/city/li-jianguo")
        text = doc.cssselect(".sz-mediator")[0].text_content()
        for expected in (
            "金牌调解员",
            "工会调解",
            "随州市总工会法律服务中心",
            "“人社+工会”裁调对接工作室",
            "拖欠工资",
            "加班费",
        ):
            self.assertIn(expected, text)
        stations = [a.text_content() for a in doc.cssselect(".sz-link-list a")]
        self.assertEqual(stations, ["随州市劳动保障维权中心", "城南骑手驿站劳动维权服务点"])
        self.assertIn("暂无办结事项统计", text)
        self.assertEqual(doc.cssselect(".sz-avatar-letter")[0].text_content(), "李")

    def test_photo(self):
        mediator = self.portal["stations"]["city"]["li-jianguo"]
        mediator.photo = NamedBlobImage(data=PIXEL, filename="li.png")
        transaction.commit()
        doc = self.page("/stations/city/li-jianguo")
        photo = doc.cssselect("img.sz-photo")[0]
        self.assertEqual(photo.get("alt"), "李建国")
        self.assertIn("/@@images/", photo.get("src"))
        directory = self.page("/mediators")
        self.assertTrue(directory.cssselect('a[href$="/li-jianguo"] img.sz-avatar'))


class TestFigures(MediatorsTestCase):
    """Cases of 徐兰 (account sx_xulan): closed ones count, mediated ones succeed."""

    def setUp(self):
        super().setUp()
        closed_case("sx_xulan", "mediated", district="suixian")
        closed_case("sx_xulan", "mediated", district="suixian")
        closed_case("sx_xulan", "inspection_closed", district="suixian")
        closed_case("sx_huangtao", "mediated", district="suixian")  # someone else's
        new_case(district="suixian", handler="sx_xulan")  # still open
        transaction.commit()

    def test_counted_from_closed_cases(self):
        self.assertEqual(
            case_figures("sx_xulan"), (3 + self.demo_closed("sx_xulan"), 2 + self.demo_mediated("sx_xulan"))
        )
        self.assertEqual(case_figures(""), (0, 0))
        self.assertEqual(case_figures("nobody"), (0, 0))

    def demo_closed(self, handler):
        return self._count(handler)

    def demo_mediated(self, handler):
        return self._count(handler, outcome="mediated")

    def _count(self, handler, **query):
        catalog = api.portal.get_tool("portal_catalog")
        demo = [
            b
            for b in catalog.unrestrictedSearchResults(
                portal_type="Case", handler=handler, review_state="closed", **query
            )
            if (b._unrestrictedGetObject().applicant_name or "") != APPLICANT_NAME
        ]
        return len(demo)

    def test_profile_shows_figures_to_the_public(self):
        closed, mediated = case_figures("sx_xulan")
        doc = self.page("/stations/suixian/xu-lan")
        figures = [s.text_content() for s in doc.cssselect(".sz-figure strong")]
        self.assertEqual(figures, [str(closed), str(mediated), f"{mediated * 100 / closed:.0f}%"])
        # Numbers only: nothing of the cases themselves.
        self.assertNotIn(APPLICANT_NAME, self.browser.contents)
        self.assertNotIn("随州市某某机械有限公司", self.browser.contents)

    def test_other_mediators_unaffected(self):
        doc = self.page("/stations/city/chen-hongmei")
        self.assertFalse(doc.cssselect(".sz-figure"))
