"""Every public page has its landmarks, one h1, labelled controls, alt texts and named links.

``a11y_problems`` is a static check of the HTML the site sends (also used by the browser
tests, which run axe-core on top): the page is in Chinese (``lang="zh-CN"``), has exactly one
main landmark, a banner, a contentinfo and named navigation landmarks, a skip link to an
element that exists, one h1 before any other heading and no skipped heading level, every form
control labelled, every image with an alt text, every link and button named.

The tests open each public page as an anonymous visitor: the pages of the public site, the
four filing forms, the receipt, the progress lookup (empty, not found, found) and the stock
pages the footer links to.
"""

from suizhou.laborrights.forms.receipt import receipt_url
from tests.helpers import new_case
from tests.helpers import PublicPagesTestCase
from urllib.parse import quote

import collections
import lxml.html
import transaction
import unittest


CONTROLS = ("input", "select", "textarea")
UNLABELLED_INPUTS = ("hidden", "submit", "button", "reset", "image")
SECTIONING = ("article", "aside", "main", "nav", "section")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _text(element):
    return " ".join((element.text_content() or "").split())


def _is_top_level(element):
    """A header/footer is a banner/contentinfo landmark unless inside a sectioning element."""
    return not any(ancestor.tag in SECTIONING for ancestor in element.iterancestors())


def _hidden(element):
    return any(
        node.get("hidden") is not None or node.get("aria-hidden") == "true"
        for node in (element, *element.iterancestors())
    )


def a11y_problems(html):
    """What is missing for WCAG 2.1 AA basics in a page: a list of messages (empty if none)."""
    doc = lxml.html.fromstring(html)
    problems = []
    ids = collections.Counter(e.get("id") for e in doc.iter() if isinstance(e.tag, str) and e.get("id"))

    if not doc.get("lang"):
        problems.append("<html> has no lang")
    elif doc.get("lang").lower() != "zh-cn":
        problems.append(f"<html lang={doc.get('lang')!r}>, not zh-CN")
    title = doc.find(".//title")
    if title is None or not _text(title):
        problems.append("no <title>")

    mains = doc.xpath("//main | //*[@role='main']")
    if len(mains) != 1:
        problems.append(f"{len(mains)} main landmarks")
    banners = [h for h in doc.iter("header") if _is_top_level(h)] + doc.xpath("//*[@role='banner']")
    if not banners:
        problems.append("no banner landmark")
    navs = doc.xpath("//nav | //*[@role='navigation']")
    if not navs:
        problems.append("no navigation landmark")
    for nav in navs:
        if not (nav.get("aria-label", "").strip() or nav.get("aria-labelledby")):
            problems.append(f"navigation landmark without a name: id={nav.get('id')!r}")
    footers = [f for f in doc.iter("footer") if _is_top_level(f)] + doc.xpath("//*[@role='contentinfo']")
    if not footers:
        problems.append("no contentinfo landmark")
    h1s = [h for h in doc.iter("h1") if not _hidden(h)]
    if len(h1s) != 1:
        problems.append(f"{len(h1s)} h1 headings: {[_text(h) for h in h1s]}")
    levels = [(int(h.tag[1]), _text(h)) for h in doc.iter(*HEADINGS) if not _hidden(h) and _text(h)]
    if levels and levels[0][0] != 1:
        problems.append(f"the first heading is not the h1: h{levels[0][0]} {levels[0][1]!r}")
    for (before, _b), (level, text) in zip(levels, levels[1:]):
        if level > before + 1:
            problems.append(f"heading level skipped: h{before} then h{level} {text!r}")

    skip = doc.xpath("(//body//a[@href])[1]")
    target = skip[0].get("href") if skip else ""
    if not target.startswith("#") or not ids[target[1:]]:
        problems.append(f"no skip link to an existing element first in the page: {target!r}")

    labelled = {label.get("for") for label in doc.iter("label") if label.get("for")}
    for control in doc.xpath("//input | //select | //textarea"):
        if control.tag == "input" and (control.get("type") or "text").lower() in UNLABELLED_INPUTS:
            continue
        if _hidden(control):
            continue
        named = (
            (control.get("id") and control.get("id") in labelled)
            or any(a.tag == "label" for a in control.iterancestors())
            or control.get("aria-label", "").strip()
            or control.get("title", "").strip()
            or (
                control.get("aria-labelledby")
                and all(ids[ref] for ref in control.get("aria-labelledby").split())
            )
        )
        if not named:
            problems.append(f"unlabelled <{control.tag} name={control.get('name')!r}>")

    for image in doc.iter("img"):
        if image.get("alt") is None:
            problems.append(f"<img src={image.get('src')!r}> has no alt")

    for link in doc.xpath("//a[@href]"):
        if _hidden(link):
            continue
        name = (
            _text(link)
            or link.get("aria-label", "").strip()
            or link.get("title", "").strip()
            or any((img.get("alt") or "").strip() for img in link.iter("img"))
        )
        if not name:
            problems.append(f"link without a name: {link.get('href')!r}")

    for button in doc.iter("button"):
        if _hidden(button):
            continue
        if not (_text(button) or button.get("aria-label", "").strip() or button.get("title", "").strip()):
            problems.append(f"button without a name: {lxml.html.tostring(button)[:80]!r}")

    for element in doc.xpath("//*[@aria-labelledby]"):
        missing = [ref for ref in element.get("aria-labelledby").split() if not ids[ref]]
        if missing:
            problems.append(f"aria-labelledby points nowhere: {missing}")
    for label in doc.iter("label"):
        if label.get("for") and not ids[label.get("for")]:
            problems.append(f"label for a missing id: {label.get('for')!r}")
    duplicates = sorted(i for i, n in ids.items() if n > 1)
    if duplicates:
        problems.append(f"duplicate ids: {duplicates}")
    return problems


# Every public page of the site, as paths under the site root.
PUBLIC_PAGES = {
    "home": "",
    "station finder": "/stations",
    "station finder, filtered": "/stations?district=zengdu&level=station",
    "station finder, nearest": "/stations?lat=31.70&lon=113.38",
    "district": "/stations/zengdu",
    "station": "/stations/city/city-center",
    "village point": "/stations/zengdu/zengdu-luoyang-point",
    "mediator directory": "/mediators",
    "mediator directory, filtered": "/mediators?kind=people&gold=1",
    "mediator profile": "/stations/city/chen-hongmei",
    "guides": "/guides",
    "checklists": "/guides?kind=checklist",
    "guide": "/guides/wage-arrears-checklist",
    "typical cases": "/typical-cases",
    "typical cases, filtered": "/typical-cases?dispute_type=wage_arrears&year=2026",
    "typical case": "/typical-cases/construction-wage-arrears-23-workers",
    "news": "/news",
    "news item": "/news/winter-wage-campaign",
    "search": "/@@search?SearchableText=" + quote("欠薪"),
    "search, nothing found": "/@@search?SearchableText=" + quote("没有这个词"),
    "filing forms": "/apply",
    "complaint form": "/apply/complaint",
    "mediation form": "/apply/mediation",
    "arbitration form": "/apply/arbitration",
    "employer service form": "/apply/employer-service",
    "progress lookup": "/@@case-progress",
    "sitemap": "/sitemap",
    "accessibility": "/accessibility-info",
    "contact": "/contact-info",
}

# Problems known on pages whose markup is not the public site's (nor the theme's) to fix, with
# where the fix belongs. The tests fail when a page has any other problem, and when a known
# one is gone (then take it off this list).
KNOWN_PROBLEMS = {}


class TestCheckerCatchesProblems(unittest.TestCase):
    """The checker itself: a page without landmarks and labels fails."""

    def test_bad_page(self):
        problems = a11y_problems(
            "<html lang='en'><head><title>t</title></head><body><div><input name='q'>"
            "<img src='x.png'><a href='/x'></a><button></button><nav><h2>导航</h2></nav>"
            "<h4>小标题</h4></div></body></html>"
        )
        text = "\n".join(problems)
        for expected in (
            "not zh-CN",
            "0 main landmarks",
            "no banner",
            "navigation landmark without a name",
            "no contentinfo",
            "0 h1",
            "the first heading is not the h1: h2",
            "heading level skipped: h2 then h4",
            "no skip link",
            "unlabelled <input name='q'>",
            "no alt",
            "link without a name",
            "button without a name",
        ):
            self.assertIn(expected, text)

    def test_good_page(self):
        html = (
            "<html lang='zh-CN'><head><title>t</title></head><body><a href='#c'>跳到正文</a>"
            "<header>站点</header><nav aria-label='导航'><a href='/'>首页</a></nav>"
            "<main id='c'><h1>标题</h1><h2>小节</h2>"
            "<label for='q'>搜索</label><input id='q' name='q'><img src='x.png' alt=''>"
            "<button>搜索</button></main><footer>页脚</footer></body></html>"
        )
        self.assertEqual(a11y_problems(html), [])


class TestPublicPagesAccessible(PublicPagesTestCase):
    maxDiff = None

    def test_every_public_page(self):
        for name, path in PUBLIC_PAGES.items():
            with self.subTest(page=name):
                self.browser.open(self.portal_url + path)
                problems = a11y_problems(self.browser.contents)
                known = KNOWN_PROBLEMS.get(name, [])
                self.assertEqual([p for p in problems if p not in known], [], name)
                self.assertEqual([p for p in known if p not in problems], [], f"{name}: fixed, unlist it")

    def test_receipt_and_progress(self):
        """The pages of a filed case that its applicant sees: the receipt, and the progress
        lookup when nothing is found and when the case is found (with the rating form)."""
        case = new_case(applicant_phone="13907221234")
        url = receipt_url(case)
        transaction.commit()
        self.browser.raiseHttpErrors = False  # an expired receipt link answers 404
        pages = {"receipt": url, "receipt, expired link": url.split("&t=")[0] + "&t=1.0"}
        for name, phone in (("progress, not found", "13800000000"), ("progress, found", "13907221234")):
            pages[name] = (case.getId(), phone)
        for name, target in pages.items():
            with self.subTest(page=name):
                if isinstance(target, str):
                    self.browser.open(target)
                else:
                    self.browser.open(self.portal_url + "/@@case-progress")
                    self.browser.getControl(name="ref").value = target[0]
                    self.browser.getControl(name="phone").value = target[1]
                    self.browser.getControl(name="lookup").click()
                self.assertEqual(a11y_problems(self.browser.contents), [], name)
                if name == "receipt, expired link":
                    self.assertTrue(self.browser.headers["status"].startswith("404"))
                if name == "progress, found":
                    self.assertIn(case.getId(), self.browser.contents)

    def test_reading_aids_and_skip_link(self):
        self.browser.open(self.portal_url)
        doc = lxml.html.fromstring(self.browser.contents)
        skip = doc.get_element_by_id("sz-skip-link")
        self.assertEqual(skip.get("href"), "#content")
        self.assertIsNotNone(doc.get_element_by_id("content"))
        for aid in ("sz-toggle-large", "sz-toggle-contrast"):
            button = doc.get_element_by_id(aid)
            self.assertEqual(button.get("type"), "button")
            self.assertEqual(button.get("aria-pressed"), "false")
        self.assertIn("++theme++suizhou.laborrights/js/laborrights.js", self.browser.contents)
