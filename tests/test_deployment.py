"""Production safety: no start with the development admin password, no demo content."""

from plone.app.testing import SITE_OWNER_NAME
from suizhou.laborrights import deployment
from suizhou.laborrights.testing import INTEGRATION_TESTING
from types import SimpleNamespace
from unittest import mock

import os
import subprocess
import sys
import unittest


PRODUCTION = {deployment.ENVIRONMENT_VARIABLE: "production"}
DEVELOPMENT = {deployment.ENVIRONMENT_VARIABLE: "development"}


class DatabaseOpened:
    """What IDatabaseOpenedWithRoot gives the subscriber: a database whose root holds ``app``."""

    def __init__(self, app):
        connection = SimpleNamespace(root=lambda: {"Application": app}, close=lambda: None)
        self.database = SimpleNamespace(open=lambda: connection)


class DevelopmentPasswordTestCase(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.app = self.layer["app"]
        self.app.acl_users._doAddUser("root2", deployment.DEVELOPMENT_PASSWORD, ["Manager"], [])

    def test_finds_only_the_administrator_with_the_development_password(self):
        found = deployment.users_with_development_password(self.app.acl_users)
        self.assertEqual(found, ["root2"])
        self.assertNotIn(SITE_OWNER_NAME, found)  # the test layer's owner has another password

    def test_production_instance_refuses_to_start(self):
        with mock.patch.dict(os.environ, PRODUCTION):
            with self.assertRaises(SystemExit) as refused:
                deployment.refuse_development_password(DatabaseOpened(self.app))
        self.assertIn("root2", str(refused.exception))
        self.assertIn("生产环境拒绝启动", str(refused.exception))

    def test_password_change_run_may_start(self):
        with mock.patch.dict(os.environ, dict(PRODUCTION, **{deployment.OVERRIDE_VARIABLE: "1"})):
            deployment.refuse_development_password(DatabaseOpened(self.app))  # no SystemExit

    def test_production_instance_starts_with_strong_passwords(self):
        self.app.acl_users.users.removeUser("root2")
        with mock.patch.dict(os.environ, PRODUCTION):
            deployment.refuse_development_password(DatabaseOpened(self.app))  # no SystemExit

    def test_development_instance_starts_with_the_development_password(self):
        with mock.patch.dict(os.environ, DEVELOPMENT):
            deployment.refuse_development_password(DatabaseOpened(self.app))


class DemoContentTestCase(unittest.TestCase):
    def test_demo_only_in_development(self):
        with mock.patch.dict(os.environ, DEVELOPMENT):
            self.assertTrue(deployment.demo_allowed())
        with mock.patch.dict(os.environ, PRODUCTION):
            self.assertFalse(deployment.demo_allowed())

    def test_create_site_refuses_demo_in_production(self):
        script = os.path.join(os.path.dirname(__file__), os.pardir, "scripts", "create_site.py")
        env = dict(os.environ, SITE_DEMO="1", PYTHONPATH=os.pathsep.join(sys.path), **PRODUCTION)
        # The refusal comes before the script needs Zope's `app`, so plain Python runs it.
        result = subprocess.run([sys.executable, script], env=env, capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 1)
        self.assertIn("生产环境不安装演示数据", result.stderr)
