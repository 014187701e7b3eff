"""The intake desk's form, filled in and submitted as a district clerk's browser posts it."""

from plone.app.testing import login
from plone.app.z3cform.interfaces import IPloneFormLayer
from plone.protect.authenticator import createToken
from suizhou.laborrights.cases.register import find_case
from suizhou.laborrights.intake.desk import IntakeDeskForm
from suizhou.laborrights.interfaces import IBrowserLayer
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import make_user
from tests.helpers import valid_id_number
from zope.i18n import translate
from zope.interface import alsoProvides

import re
import unittest


def desk_form(**overrides):
    """A filled-in desk form as the browser posts it."""
    values = {
        "channel": ["window"],
        "district": ["zengdu"],
        "applicant_name": "测试申请人李大山",
        "applicant_id_number": valid_id_number(7),
        "applicant_phone": "13907225678",
        "employer_name": "随州市某某建筑劳务有限公司",
        "dispute_types": ["wage_arrears"],
        "workers_involved": "1",
        "facts": "2026年6月至8月在工地务工，工资未结清。",
        "request": "支付工资9000元。",
    }
    values.update(overrides)
    form = {}
    for name, value in values.items():
        key = f"form.widgets.{name}"
        form[key] = value
        if isinstance(value, list):
            form[f"{key}-empty-marker"] = "1"
    return form


class DeskTestCase(unittest.TestCase):
    layer = INTEGRATION_TESTING
    form_class = IntakeDeskForm

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        alsoProvides(self.request, IBrowserLayer, IPloneFormLayer)
        make_user("clerk_zengdu", groups=["intake_clerks_zengdu"])
        login(self.portal, "clerk_zengdu")
        self.desk = self.portal.cases.zengdu

    def submit(self, **overrides):
        self.request.form.clear()
        self.request.form.update(desk_form(**overrides))
        self.request.form["form.buttons.register"] = "登记"
        self.request.form["_authenticator"] = createToken()
        self.request["REQUEST_METHOD"] = "POST"
        form = self.form_class(self.desk, self.request)
        form.update()
        return form

    def errors(self, form):
        """{field name: message} of the widgets with errors, in every group."""
        widgets = dict(form.widgets.items())
        for group in form.groups:
            widgets.update(group.widgets.items())
        found = {}
        for name, widget in widgets.items():
            if widget.error is not None:
                found[name] = translate(widget.error.message, context=self.request)
        return found

    def registered(self):
        location = self.request.response.getHeader("Location") or ""
        match = re.search(r"/(SZ-\d{4}-\d{6})/@@intake-receipt$", location)
        return find_case(match.group(1)) if match else None
