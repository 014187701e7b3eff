"""What staff see on a case about its web filing: the form, possible duplicates, the rating."""

from plone.app.layout.viewlets import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights.cases.duplicates import possible_duplicates
from suizhou.laborrights.documents.receipt import filing_record
from suizhou.laborrights.forms.rating import get_rating


class CaseFilingViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/case_filing.pt")

    def update(self):
        super().update()
        self.form = filing_record(self.context).get("form", "")
        self.duplicates = [
            {"reference": case.getId(), "url": case.absolute_url()}
            for case in possible_duplicates(self.context)
        ]
        self.rating = get_rating(self.context)

    def render(self):
        if not (self.form or self.duplicates or self.rating):
            return ""
        return self.index()
