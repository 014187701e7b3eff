"""The English catalog: an English reader gets English texts with every value filled in."""

from pathlib import Path
from suizhou.laborrights import _
from suizhou.laborrights.testing import INTEGRATION_TESTING
from zope.i18n import translate

import re
import suizhou.laborrights
import unittest


CATALOG = Path(suizhou.laborrights.__file__).parent / "locales" / "en" / "LC_MESSAGES" / "suizhou.laborrights.po"
ENTRY = re.compile(
    r'^#\. Default: "(?P<default>.*)"\n(?:#.*\n)*msgid "(?P<msgid>.*)"\nmsgstr (?P<msgstr>(?:".*"\n?)+)', re.M
)
VARIABLE = re.compile(r"\$\{(\w+)\}")


def unquote(lines):
    text = "".join(re.findall(r'^"(.*)"$', lines, re.M))
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def english_entries():
    """(msgid, Chinese default, English text) of every message with a default."""
    text = CATALOG.read_text(encoding="utf-8")
    return [(m["msgid"], unquote('"%s"' % m["default"]), unquote(m["msgstr"])) for m in ENTRY.finditer(text)]


class TestEnglishCatalog(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def test_english_reader_gets_english_with_the_values_filled_in(self):
        message = _(
            "applicant_routed_sms",
            default="您的维权事项${reference}已分办至${unit}办理，进度查询：${progress_url}",
            mapping={"reference": "SZ-ZD-2026-00042", "unit": "曾都区维权中心", "progress_url": "https://example.cn/p"},
        )
        self.assertEqual(
            translate(message, target_language="en"),
            "Your labour-rights case SZ-ZD-2026-00042 has been routed to 曾都区维权中心. "
            "Check progress: https://example.cn/p",
        )
        self.assertEqual(
            translate(message, target_language="zh_CN"),
            "您的维权事项SZ-ZD-2026-00042已分办至曾都区维权中心办理，进度查询：https://example.cn/p",
        )

    def test_messages_translated_in_this_catalog_read_in_english(self):
        tries = _("api_error_filing_too_many", default="提交过于频繁，请${seconds}秒后再试。", mapping={"seconds": 30})
        self.assertEqual(
            translate(tries, target_language="en"), "Too many submissions. Please try again in 30 seconds."
        )
        stations = _("gig_stations_title", default="零工驿站")
        self.assertEqual(translate(stations, target_language="en"), "Gig-worker stations")
        body = translate(
            _("mail_warning_red_body", mapping={"rule": "R", "subject": "S", "cases": 3, "workers": 12, "url": "U"}),
            target_language="en",
        )
        self.assertEqual(body.splitlines()[2], "Subject: S")
        self.assertIn("Cases concerned: 3; workers involved: 12", body)

    def test_every_english_text_keeps_the_values_of_its_chinese_default(self):
        # A lost ${reference} hides the reference number; a misspelt one shows "${…}" to the reader.
        entries = english_entries()
        self.assertGreater(len(entries), 1500)
        wrong = [
            msgid
            for msgid, default, english in entries
            if english and sorted(set(VARIABLE.findall(default))) != sorted(set(VARIABLE.findall(english)))
        ]
        self.assertEqual(wrong, [])

    def test_english_texts_use_english_punctuation(self):
        wrong = [msgid for msgid, _default, english in english_entries() if re.search("[，。：；！？（）]", english)]
        self.assertEqual(wrong, [])
