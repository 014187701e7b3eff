"""The public pages are sent without their templates' indentation, and read the same."""

from suizhou.laborrights.public.page import compact
from tests.helpers import PublicPagesTestCase

import lxml.html
import re
import unittest


class TestCompact(unittest.TestCase):
    def test_indentation_and_blank_lines_go(self):
        html = '<ul>\n    <li>\n      <a href="/x">一</a>\n    </li>\n\n    <li>二</li>\n  </ul>\n'
        self.assertEqual(compact(html), '<ul>\n<li>\n<a href="/x">一</a>\n</li>\n<li>二</li>\n</ul>\n')

    def test_text_and_spaces_on_a_line_stay(self):
        html = "<p>服务热线：<a>12345</a> 政务服务便民热线　<a>12333</a>  人社</p>"
        self.assertEqual(compact(html), html)

    def test_ideographic_space_stays(self):
        self.assertEqual(compact("<p>第一段\n　　第二段</p>"), "<p>第一段\n　　第二段</p>")

    def test_preformatted_and_code_kept_whole(self):
        for html in (
            "<pre>\n  line 1\n    line 2\n</pre>",
            '<textarea name="facts">\n  第一行\n\n  第三行</textarea>',
            "<script>\n  var a = `\n    x`;\n</script>",
            "<style>\n  .a {\n    color: red;\n  }\n</style>",
            '<PRE class="x">\n  a\n</PRE>',
        ):
            with self.subTest(html=html):
                self.assertEqual(compact(f"<div>\n  {html}\n</div>"), f"<div>\n{html}\n</div>")

    def test_attributes_kept(self):
        html = '<span title="第一行\n    第二行" data-x="a\n  b">x</span>'
        self.assertEqual(compact(f"  {html}\n  "), f"  {html}\n")


class TestPagesSentCompact(PublicPagesTestCase):
    def test_no_indented_lines_in_the_content(self):
        for path in (
            "",
            "/stations",
            "/stations/zengdu",
            "/stations/city/city-center",
            "/mediators",
            "/stations/city/chen-hongmei",
            "/guides",
            "/guides/wage-arrears-checklist",
            "/typical-cases",
            "/typical-cases/construction-wage-arrears-23-workers",
            "/news",
        ):
            with self.subTest(path=path):
                self.browser.open(self.portal_url + path)
                doc = lxml.html.fromstring(self.browser.contents)
                content = lxml.html.tostring(doc.get_element_by_id("content"), encoding="unicode")
                self.assertIsNone(re.search(r"\n[ \t]+<", content), path)
                self.assertEqual(len(doc.xpath("//h1")), 1)
