"""Anti-spam without third-party services: a honeypot on every form, and the optional local
challenge an administrator switches on in the registry."""

from lxml import html
from plone import api
from suizhou.laborrights.forms import challenge
from suizhou.laborrights.forms.install import FORMS
from tests.form_helpers import complaint_values
from tests.form_helpers import FormsTestCase

import transaction


NUMERALS = "零一二三四五六七八九"


def answer(page):
    question = html.fromstring(page).xpath('//p[contains(@class, "laborrights-challenge-question")]')[0]
    text = question.text_content()
    return str(NUMERALS.index(text[0]) + NUMERALS.index(text[2]))


class TestHoneypot(FormsTestCase):
    def test_every_form_has_a_hidden_honeypot(self):
        for form_id, _title, _description in FORMS:
            page = self.open_form(form_id).contents
            field = html.fromstring(page).xpath('//div[@id="formfield-form-widgets-website"]')[0]
            self.assertIn("laborrights-honeypot", field.get("class"))
            self.assertIn(".laborrights-honeypot{position:absolute", page)  # kept out of sight

    def test_a_filled_honeypot_is_refused(self):
        browser = self.file("complaint", complaint_values(website="http://spam.example.com"))
        self.assertNotIn("@@filing-receipt", browser.url)
        self.assertIn("提交未被受理", browser.contents)
        self.assertEqual(browser.getControl(name="form.widgets.applicant_name").value, "测试投诉人张三")
        self.assertEqual(self.web_cases(), [])


class TestChallenge(FormsTestCase):
    def switch_on(self):
        api.portal.set_registry_record("suizhou.laborrights.filing.challenge_enabled", True)
        transaction.commit()

    def test_off_by_default(self):
        page = self.open_form("complaint").contents
        self.assertNotIn("laborrights-challenge-question", page)
        self.file("complaint", complaint_values())
        self.assertEqual(len(self.web_cases()), 1)

    def test_on_every_form_when_switched_on(self):
        self.switch_on()
        for form_id, _title, _description in FORMS:
            self.assertIn("laborrights-challenge-question", self.open_form(form_id).contents)

    def test_right_answer_files(self):
        self.switch_on()
        browser = self.open_form("complaint")
        self.fill(complaint_values(challenge=answer(browser.contents)))
        self.submit()
        self.assertIn("@@filing-receipt", browser.url)
        self.assertEqual(len(self.web_cases()), 1)

    def test_wrong_or_missing_answer_is_refused(self):
        self.switch_on()
        browser = self.open_form("complaint")
        wrong = str(int(answer(browser.contents)) + 1)
        self.fill(complaint_values(challenge=wrong))
        self.submit()
        self.assertIn("验证问题回答错误", self.error_of("challenge"))
        self.assertEqual(self.web_cases(), [])
        # a new question is asked, the rest of the form is kept
        self.assertEqual(browser.getControl(name="form.widgets.challenge").value, "")
        self.assertEqual(browser.getControl(name="form.widgets.applicant_name").value, "测试投诉人张三")
        self.fill({"challenge": ""})
        self.submit()
        self.assertTrue(self.error_of("challenge"))
        self.assertEqual(self.web_cases(), [])

    def test_forged_token_is_refused(self):
        self.switch_on()
        browser = self.open_form("complaint")
        right = answer(browser.contents)
        self.fill(complaint_values(challenge=right))
        browser.getControl(name="form.widgets.challenge.token").value = "abc:123.def"
        self.submit()
        self.assertIn("验证问题回答错误", self.error_of("challenge"))
        self.assertEqual(self.web_cases(), [])

    def test_a_solved_question_is_not_replayed(self):
        self.switch_on()
        browser = self.open_form("complaint")
        right = answer(browser.contents)
        token = browser.getControl(name="form.widgets.challenge.token").value
        self.fill(complaint_values(challenge=right))
        self.submit()
        self.assertEqual(len(self.web_cases()), 1)
        # a script that keeps the solved question and its answer for the next filing
        replay = self.open_form("complaint", self.new_browser())
        self.fill(complaint_values(challenge=right), replay)
        replay.getControl(name="form.widgets.challenge.token").value = token
        self.submit(replay)
        self.assertIn("验证问题回答错误", self.error_of("challenge", replay))
        self.assertEqual(len(self.web_cases()), 1)

    def test_only_a_signed_hash_of_the_answer_is_sent(self):
        question, token = challenge.new_question()
        right = NUMERALS.index(question[0]) + NUMERALS.index(question[2])
        nonce, signature = token.split(":")
        self.assertEqual(len(nonce), 16)
        self.assertTrue(challenge.is_answer(token, str(right)))
        self.assertTrue(challenge.is_answer(token, f" {right} "))
        self.assertFalse(challenge.is_answer(token, str(right + 1)))
        self.assertFalse(challenge.is_answer(f"{nonce}x:{signature}", str(right)))
