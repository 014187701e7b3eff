"""The add form of a case ("添加 → 维权事项"): files it through ``filing.file_case`` as staff.

The same rules as the intake desk and the REST API (12345 ticket, the clerk's own district,
validation): a refused filing shows the Chinese messages next to the fields and stores nothing;
a registered case gets its reference number and lands in the register's district and month.
"""

from plone.dexterity.browser.add import DefaultAddForm
from plone.dexterity.browser.add import DefaultAddView
from suizhou.laborrights.browser.form_errors import show_errors
from suizhou.laborrights.cases.filing import file_case
from suizhou.laborrights.cases.filing import FilingError


class CaseAddForm(DefaultAddForm):
    portal_type = "Case"

    def createAndAdd(self, data):
        try:
            case = file_case(data)
        except FilingError as error:
            show_errors(self, error.errors)
            return None
        self.immediate_view = case.absolute_url()
        return case


class CaseAddView(DefaultAddView):
    form = CaseAddForm
