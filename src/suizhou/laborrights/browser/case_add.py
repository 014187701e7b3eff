"""The add form of a case: registers it in the case register with a reference number."""

from plone.dexterity.browser.add import DefaultAddForm
from plone.dexterity.browser.add import DefaultAddView
from suizhou.laborrights.cases.register import create_case


class CaseAddForm(DefaultAddForm):
    portal_type = "Case"

    def createAndAdd(self, data):
        fields = {name: value for name, value in data.items() if value is not None}
        case = create_case(**fields)
        self.immediate_view = case.absolute_url()
        return case


class CaseAddView(DefaultAddView):
    form = CaseAddForm
