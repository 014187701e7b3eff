"""Attachments of a filing: allowed types, size and count limits from the registry, kept as
blobs inside the case that only its staff can download."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.form_helpers import complaint_values
from tests.form_helpers import EXE
from tests.form_helpers import FormsTestCase
from tests.form_helpers import PDF
from tests.form_helpers import PNG
from tests.helpers import make_user

import transaction


class TestAttachments(FormsTestCase):
    def assertRefusedKeepingTheRest(self, field, message, **files):
        browser = self.file("complaint", complaint_values(**files))
        self.assertNotIn("@@filing-receipt", browser.url)
        self.assertIn(message, self.error_of(field))
        self.assertEqual(
            browser.getControl(name="form.widgets.facts").value, "2026年8月至10月的工资一直未发放。"
        )
        self.assertEqual(self.web_cases(), [])
        catalog = api.portal.get_tool("portal_catalog")
        self.assertEqual(len(catalog.unrestrictedSearchResults(portal_type="CaseAttachment")), 0)

    def test_files_become_attachments_of_the_case(self):
        self.file(
            "complaint",
            complaint_values(
                attachment_1=("王小明工资条.pdf", PDF, "application/pdf"),
                attachment_3=("聊天记录.png", PNG, "image/png"),
            ),
        )
        [case] = self.web_cases()
        attachments = case.objectValues()
        self.assertEqual([item.portal_type for item in attachments], ["CaseAttachment"] * 2)
        # ids are counters: a file name may carry a person's name
        self.assertEqual(sorted(case.objectIds()), ["attachment-1", "attachment-2"])
        by_name = {item.file.filename: item for item in attachments}
        self.assertEqual(by_name["王小明工资条.pdf"].file.data, PDF)
        self.assertEqual(by_name["王小明工资条.pdf"].file.contentType, "application/pdf")
        self.assertEqual(by_name["聊天记录.png"].Title(), "证据材料3")
        self.assertIsNone(api.content.get_state(by_name["聊天记录.png"], default=None))  # no workflow

    def test_only_case_staff_can_download_an_attachment(self):
        self.file("complaint", complaint_values(attachment_1=("工资条.pdf", PDF, "application/pdf")))
        [case] = self.web_cases()
        url = f"{case['attachment-1'].absolute_url()}/@@download/file"
        anonymous = self.new_browser()
        anonymous.handleErrors = True
        anonymous.raiseHttpErrors = False
        anonymous.open(url)
        self.assertNotEqual(anonymous.contents, PDF)
        self.assertEqual(anonymous.headers["status"], "404 Not Found")  # as if there were none

        with api.env.adopt_roles(["Manager"]):
            make_user("other-district-clerk", groups=["intake_clerks_guangshui"])
            make_user("zengdu-supervisor", groups=["district_admins_zengdu"])
        transaction.commit()
        for user, allowed in (("other-district-clerk", False), ("zengdu-supervisor", True)):
            browser = self.new_browser()
            browser.handleErrors = True
            browser.addHeader("Authorization", f"Basic {user}:secret-password-123")
            browser.open(url)
            self.assertEqual(browser.contents == PDF, allowed, user)
        owner = self.new_browser()
        owner.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        owner.open(url)
        self.assertEqual(owner.contents, PDF)

    def test_wrong_type_is_refused(self):
        self.assertRefusedKeepingTheRest(
            "attachment_2",
            "不支持“exe”类型的文件",
            attachment_2=("setup.exe", EXE, "application/octet-stream"),
        )

    def test_renamed_program_is_refused(self):
        self.assertRefusedKeepingTheRest(
            "attachment_1",
            "内容与其扩展名不符",
            attachment_1=("工资条.pdf", EXE, "application/pdf"),
        )

    def test_oversized_file_is_refused(self):
        api.portal.set_registry_record("suizhou.laborrights.filing.attachment_max_size_mb", 1)
        transaction.commit()
        big = PDF + b"0" * (1024 * 1024)
        self.assertRefusedKeepingTheRest(
            "attachment_1",
            "超过 1 MB",
            attachment_1=("扫描件.pdf", big, "application/pdf"),
        )

    def test_too_many_files_are_refused(self):
        api.portal.set_registry_record("suizhou.laborrights.filing.attachment_max_count", 2)
        transaction.commit()
        self.assertRefusedKeepingTheRest(
            "attachment_3",
            "最多上传 2 个附件",
            attachment_1=("a.pdf", PDF, "application/pdf"),
            attachment_2=("b.png", PNG, "image/png"),
            attachment_3=("c.pdf", PDF, "application/pdf"),
        )

    def test_the_form_states_the_limits_of_the_registry(self):
        api.portal.set_registry_record("suizhou.laborrights.filing.attachment_max_size_mb", 4)
        api.portal.set_registry_record("suizhou.laborrights.filing.attachment_max_count", 3)
        transaction.commit()
        self.assertIn("每个文件不超过 4 MB，最多 3 个", self.open_form("complaint").contents)
