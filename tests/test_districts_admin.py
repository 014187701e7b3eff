"""The city's name comes from the settings (issue 13 item 6): e-mails to applicants and to the
city administrators name the platform as the administrator titled the site, never a city written
in the code. (The district form of the city administrator is not built yet.)"""

from suizhou.laborrights.restapi.filing_limits import SPIKE_SUBJECT
from suizhou.laborrights.restapi.filing_limits import tell_administrators
from tests.notification_helpers import APPLICANT_MAIL
from tests.notification_helpers import NotificationFixture

import transaction


OTHER_CITY = "某市劳动维权服务平台"


class TestCityNameFromSettings(NotificationFixture):
    def setUp(self):
        super().setUp()
        transaction.begin()
        self.portal.portal_registry["plone.site_title"] = OTHER_CITY
        transaction.commit()

    def test_the_applicants_mail_is_signed_with_the_site_title(self):
        self.route()
        transaction.commit()
        ((subject, body),) = self.mails_to(APPLICANT_MAIL)
        self.assertTrue(body.rstrip().endswith(OTHER_CITY), body)
        self.assertNotIn("随州", body.split("请勿直接回复")[-1])

    def test_the_administrators_alert_names_the_site(self):
        tell_administrators(SPIKE_SUBJECT, "过去一小时提交量异常。")
        transaction.commit()
        subjects = [subject for _to, subject, _body in self.mails()]
        self.assertEqual(subjects, [f"【{OTHER_CITY}】匿名接口提交量异常"])
