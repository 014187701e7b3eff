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
        self.assertEqual(browser.getControl(name="form.widgets.facts").value, "2026年8月至10月的工资一直未发放。")
        self.assertEqual(self.web_cases(), [])
        catalog = api.portal.get_tool("portal_catalog")
        self.assertEqual(len(catalog.unrestrictedSearchResults(portal_type="CaseAttachment")), 0)

    def test_files_become_attachments_of_the_case(self):
        self.file(
            "complaint",
            complaint_values(
                attachments=[("王小明工资条.pdf", PDF, "application/pdf"), ("聊天记录.png", PNG, "image/png")],
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
        self.assertEqual(by_name["王小明工资条.pdf"].Title(), "证据材料1")
        self.assertEqual(by_name["聊天记录.png"].Title(), "证据材料2")
        self.assertIsNone(api.content.get_state(by_name["聊天记录.png"], default=None))  # no workflow

    def test_only_case_staff_can_download_an_attachment(self):
        self.file("complaint", complaint_values(attachments=[("工资条.pdf", PDF, "application/pdf")]))
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
            "attachments",
            "不支持“exe”类型的文件",
            attachments=[("工资条.pdf", PDF, "application/pdf"), ("setup.exe", EXE, "application/octet-stream")],
        )

    def test_renamed_program_is_refused(self):
        self.assertRefusedKeepingTheRest(
            "attachments",
            "内容与其扩展名不符",
            attachments=[("工资条.pdf", EXE, "application/pdf")],
        )

    def test_oversized_file_is_refused(self):
        api.portal.set_registry_record("suizhou.laborrights.filing.attachment_max_size_mb", 1)
        transaction.commit()
        big = PDF + b"0" * (1024 * 1024)
        self.assertRefusedKeepingTheRest(
            "attachments",
            "超过 1 MB",
            attachments=[("扫描件.pdf", big, "application/pdf")],
        )

    def test_too_many_files_are_refused(self):
        api.portal.set_registry_record("suizhou.laborrights.filing.attachment_max_count", 2)
        transaction.commit()
        self.assertRefusedKeepingTheRest(
            "attachments",
            "最多上传 2 个附件",
            attachments=[
                ("a.pdf", PDF, "application/pdf"),
                ("b.png", PNG, "image/png"),
                ("c.pdf", PDF, "application/pdf"),
            ],
        )

    def test_one_file_input_takes_several_files_of_the_allowed_types(self):
        from lxml import html

        tree = html.fromstring(self.open_form("complaint").contents)
        inputs = tree.xpath('//form[@id="form"]//input[@type="file"]')
        self.assertEqual(len(inputs), 1)
        self.assertIsNotNone(inputs[0].get("multiple"))
        self.assertEqual(inputs[0].get("accept"), ".pdf,.jpg,.jpeg,.png,.doc,.docx")
        [label] = tree.xpath(f'//label[@for="{inputs[0].get("id")}"]')
        self.assertIn("证据材料", label.text_content())

    def test_the_form_states_the_limits_of_the_registry(self):
        api.portal.set_registry_record("suizhou.laborrights.filing.attachment_max_size_mb", 4)
        api.portal.set_registry_record("suizhou.laborrights.filing.attachment_max_count", 3)
        transaction.commit()
        self.assertIn("每个文件不超过 4 MB，最多 3 个", self.open_form("complaint").contents)
