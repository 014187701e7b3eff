"""A receipt committed but not yet sent when the process was killed hard (kill -9, the
out-of-memory killer) is not lost: it waits on disk, and the next process of the buildout sends
it (notifications/spool.py)."""

from suizhou.laborrights import background
from suizhou.laborrights.notifications import outbox
from suizhou.laborrights.notifications import retries
from suizhou.laborrights.notifications import spool
from tests.form_helpers import complaint_values
from tests.form_helpers import FormsTestCase
from tests.helpers import browser_for
from tests.helpers import make_user
from tests.pdf_helpers import pdf_text
from unittest import mock
from zope.event import notify
from zope.processlifetime import DatabaseOpenedWithRoot

import os
import pickle
import re
import shutil
import tempfile
import time
import transaction


class TestUnsentNotificationsOutliveTheProcess(FormsTestCase):
    def setUp(self):
        super().setUp()
        self.root = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.root)
        patcher = mock.patch.dict(os.environ, {spool.VARIABLE: self.root})
        patcher.start()
        self.addCleanup(patcher.stop)
        self.addCleanup(self.end_process_spool)
        self.end_process_spool()  # this process's spool is made on first use, in self.root

    def end_process_spool(self):
        if spool._spool is not None:
            spool._spool.close()
            spool._spool = None

    def spooled_files(self, under=""):
        return [
            name
            for _dir, _dirs, names in os.walk(os.path.join(self.root, under))
            for name in names
            if name.endswith(".pickle")
        ]

    def file_and_die(self):
        """A complaint filed by a process that dies after the commit, before its sender thread
        took the receipt: the kernel then releases the process's lock on its spool."""
        with mock.patch.object(outbox._sending, "put"):  # the sender thread never gets it
            browser = self.file("complaint", complaint_values(applicant_email="zhangsan@example.org"))
        self.end_process_spool()
        return re.search(r"ref=([A-Z0-9-]+)", browser.url).group(1)

    def start_next_process(self):
        """The process ends (its lock released), and the next one starts on the database."""
        self.end_process_spool()
        notify(DatabaseOpenedWithRoot(self.app._p_jar.db()))
        self.assertTrue(background.drain(timeout=30))

    def test_the_next_process_sends_the_receipt_a_killed_one_left(self):
        reference = self.file_and_die()
        self.assertEqual(self.sent_mail(), [])
        self.assertEqual(len(self.spooled_files()), 1)

        self.start_next_process()

        [message] = self.sent_mail()
        self.assertEqual(message["To"], "zhangsan@example.org")
        self.assertIn(reference, str(message["Subject"]))
        [attachment] = list(message.iter_attachments())
        self.assertIn(reference, pdf_text(attachment.get_content()))
        self.assertEqual(self.spooled_files(), [])
        self.start_next_process()  # and only once
        self.start_next_process()
        self.assertEqual(len(self.sent_mail()), 1)

    def test_a_running_process_keeps_what_it_has_not_sent_yet(self):
        with mock.patch.object(outbox._sending, "put"):  # its sender thread is still busy
            self.file("complaint", complaint_values(applicant_email="zhangsan@example.org"))
        other = spool.Spool(self.root)  # another process starting on the same buildout
        self.addCleanup(other.close)
        self.assertEqual(other.orphans(), [])
        self.assertEqual(len(self.spooled_files()), 1)
        self.assertEqual(self.sent_mail(), [])

    def test_what_was_sent_leaves_nothing_behind(self):
        self.file("complaint", complaint_values(applicant_email="zhangsan@example.org"))
        self.assertTrue(background.drain(timeout=30))
        self.assertEqual(len(self.sent_mail()), 1)
        self.assertEqual(self.spooled_files(), [])

    def test_what_cannot_be_sent_is_set_aside_not_tried_for_ever(self):
        self.set_aside_receipt()
        self.assertEqual(self.sent_mail(), [])
        self.assertEqual(len(self.spooled_files(spool.FAILED)), 1)
        self.assertEqual(len(self.spooled_files()), 1)  # only there, for the administrator to look at

    def set_aside_receipt(self):
        reference = self.file_and_die()
        with mock.patch.object(outbox, "in_site", side_effect=KeyError("the site is gone")):
            for _start in range(spool.ATTEMPTS + 1):
                self.start_next_process()
        return reference

    def test_the_administrator_sees_what_was_set_aside_and_sends_it_again(self):
        reference = self.set_aside_receipt()
        make_user("city_admin", roles=["Site Administrator"])
        make_user("clerk")
        transaction.commit()
        outbox_page = self.portal.absolute_url() + "/@@laborrights-outbox"

        clerk = browser_for(self.app, "clerk")
        clerk.handleErrors, clerk.raiseHttpErrors = True, False
        clerk.open(outbox_page)
        self.assertTrue(clerk.url.endswith("/insufficient-privileges"), clerk.url)  # not an error page
        self.assertNotIn(reference, clerk.contents)
        self.assertNotIn("z***@example.org", clerk.contents)

        admin = browser_for(self.app, "city_admin")
        admin.open(outbox_page)
        self.assertIn("搁置的待发文件", admin.contents)
        self.assertIn(reference, admin.contents)
        self.assertIn("z***@example.org", admin.contents)
        self.assertNotIn("zhangsan@example.org", admin.contents)

        admin.getControl(name="form.take_set_aside").click()
        self.assertIn("已转入未发出的通知 1 条", admin.contents)
        self.assertNotIn("form.take_set_aside", admin.contents)  # nothing set aside any more
        self.assertEqual(self.spooled_files(), [])
        self.assertEqual(self.sent_mail(), [])  # kept, to be tried again

        admin.getControl(name="form.retry").click()
        self.assertIn("成功 1 条", admin.contents)
        [message] = self.sent_mail()
        self.assertEqual(message["To"], "zhangsan@example.org")
        [attachment] = list(message.iter_attachments())
        self.assertIn(reference, pdf_text(attachment.get_content()))

    def test_an_unreadable_set_aside_file_is_named_not_moved(self):
        self.set_aside_receipt()
        [name] = self.spooled_files(spool.FAILED)
        with open(os.path.join(self.root, spool.FAILED, name), "wb") as broken:
            broken.write(b"not a pickle")
        make_user("city_admin", roles=["Site Administrator"])
        transaction.commit()
        admin = browser_for(self.app, "city_admin")
        admin.open(self.portal.absolute_url() + "/@@laborrights-outbox")
        self.assertIn("文件无法读取", admin.contents)
        self.assertIn(name, admin.contents)
        admin.getControl(name="form.take_set_aside").click()
        self.assertIn("已转入未发出的通知 0 条", admin.contents)
        self.assertEqual(self.spooled_files(spool.FAILED), [name])

    def test_a_set_aside_file_whose_receipt_cannot_be_made_stays(self):
        reference = self.set_aside_receipt()
        make_user("city_admin", roles=["Site Administrator"])
        transaction.commit()
        admin = browser_for(self.app, "city_admin")
        admin.open(self.portal.absolute_url() + "/@@laborrights-outbox")
        with mock.patch.object(outbox.Mail, "prepare", side_effect=RuntimeError("no PDF")):
            admin.getControl(name="form.take_set_aside").click()
        self.assertIn("未能转入的文件 1 个", admin.contents)
        self.assertIn(reference, admin.contents)  # still listed, to be moved again
        self.assertEqual(len(self.spooled_files(spool.FAILED)), 1)

    def move_to_another_site(self):
        """The set-aside file made as another Plone site of the same buildout would leave it."""
        [name] = self.spooled_files(spool.FAILED)
        path = os.path.join(self.root, spool.FAILED, name)
        with open(path, "rb") as kept:
            _site_path, address, messages = pickle.load(kept)
        with open(path, "wb") as kept:
            pickle.dump((("", "another-site"), address, messages), kept)
        return name

    def test_another_sites_set_aside_files_are_not_shown(self):
        reference = self.set_aside_receipt()
        self.move_to_another_site()
        make_user("city_admin", roles=["Site Administrator"])
        transaction.commit()
        admin = browser_for(self.app, "city_admin")
        admin.open(self.portal.absolute_url() + "/@@laborrights-outbox")
        self.assertNotIn(reference, admin.contents)
        self.assertNotIn("z***@example.org", admin.contents)
        self.assertNotIn("form.take_set_aside", admin.contents)

    def admin_outbox(self):
        make_user("city_admin", roles=["Site Administrator"])
        transaction.commit()
        admin = browser_for(self.app, "city_admin")
        admin.open(self.portal.absolute_url() + "/@@laborrights-outbox")
        return admin

    def after_the_claim_lease(self):
        later = time.time() + spool.CLAIM_LEASE + 1
        return mock.patch.object(spool, "time", mock.Mock(time=lambda: later))

    def test_a_file_whose_moving_request_died_is_listed_again(self):
        reference = self.set_aside_receipt()
        [name] = self.spooled_files(spool.FAILED)
        self.assertIsNotNone(spool.claim_set_aside(name))  # a request claimed it, then died
        admin = self.admin_outbox()
        self.assertNotIn(reference, admin.contents)  # as if another request were moving it
        self.assertIn("另有 1 个文件正在转入", admin.contents)
        self.assertNotIn("form.take_set_aside", admin.contents)

        with self.after_the_claim_lease():
            admin.reload()
            self.assertIn(reference, admin.contents)
            self.assertNotIn("正在转入", admin.contents)
            self.assertEqual(self.spooled_files(spool.FAILED), [name])  # under its own name again
            admin.getControl(name="form.take_set_aside").click()
        self.assertIn("已转入未发出的通知 1 条", admin.contents)
        self.assertEqual(self.spooled_files(), [])
        admin.getControl(name="form.retry").click()
        [message] = self.sent_mail()
        self.assertEqual(message["To"], "zhangsan@example.org")

    def test_a_file_whose_moving_request_died_after_keeping_it_is_not_sent_twice(self):
        reference = self.set_aside_receipt()
        admin = self.admin_outbox()
        with mock.patch.object(spool, "done"):  # the request died after the messages were kept
            admin.getControl(name="form.take_set_aside").click()
        self.assertIn("已转入未发出的通知 1 条", admin.contents)
        self.assertEqual(len(self.spooled_files(spool.FAILED)), 1)  # still there, claimed

        with self.after_the_claim_lease():
            admin.reload()
        self.assertNotIn("form.take_set_aside", admin.contents)
        self.assertEqual(self.spooled_files(), [])
        admin.getControl(name="form.retry").click()
        [message] = self.sent_mail()
        self.assertIn(reference, str(message["Subject"]))

    def test_another_sites_claimed_file_is_left_to_its_own_page(self):
        self.set_aside_receipt()
        name = self.move_to_another_site()
        claimed = spool.claim_set_aside(name)  # that site's request died moving it
        admin = self.admin_outbox()
        self.assertNotIn("正在转入", admin.contents)  # not this site's
        with self.after_the_claim_lease():
            self.assertEqual([path for path, _name, stale, _record in spool.claims() if stale], [claimed])
            admin.reload()
        self.assertEqual(self.spooled_files(spool.FAILED), [os.path.basename(claimed)])

    def test_a_set_aside_file_is_kept_once_though_two_requests_move_it(self):
        self.set_aside_receipt()
        [name] = self.spooled_files(spool.FAILED)
        admin = self.admin_outbox()
        admin.getControl(name="form.take_set_aside").click()  # moved, while an older request ...
        late = retries.keep_all(self.portal, [("mail", "z@example.org", "回执", b"")], "late", taken_from=name)
        self.assertEqual(late, [])  # ... that claimed it before (and seemed dead) keeps it now
        transaction.abort()
        self.assertEqual(len(retries.pending(self.portal)), 1)

    def test_a_set_aside_file_kept_before_is_removed_not_kept_again(self):
        self.set_aside_receipt()
        [name] = self.spooled_files(spool.FAILED)
        admin = self.admin_outbox()
        # an older request that claimed it, looked dead and had it put back, kept it meanwhile
        retries.keep_all(self.portal, [("mail", "z@example.org", "回执", b"")], "earlier", taken_from=name)
        admin.getControl(name="form.take_set_aside").click()
        self.assertIn("已转入未发出的通知 0 条；未能转入的文件 0 个", admin.contents)
        self.assertEqual(self.spooled_files(), [])
        transaction.abort()
        self.assertEqual(len(retries.pending(self.portal)), 1)
