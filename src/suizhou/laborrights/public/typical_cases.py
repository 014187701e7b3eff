"""Typical cases: the listing (by dispute type, district, year), the case page, the add and edit
forms with the anonymisation reminder; the news listing."""

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.base.batch import Batch
from plone.dexterity.browser.add import DefaultAddView
from plone.dexterity.browser.edit import DefaultEditView
from suizhou.laborrights.public.page import PublicPage
from suizhou.laborrights.public.utils import batch_start
from suizhou.laborrights.public.utils import options
from suizhou.laborrights.public.utils import titles
from suizhou.laborrights.timezone import beijing_date
from suizhou.laborrights.timezone import format_date
from suizhou.laborrights.vocabularies import registry_terms
from zope.interface import implementer
from zope.interface import Interface


PAGE_SIZE = 10


class IAnonymisationReminder(Interface):
    """A form that shows the reminder to remove personal data before publishing."""


@implementer(IAnonymisationReminder)
class TypicalCaseAddView(DefaultAddView):
    pass


@implementer(IAnonymisationReminder)
class TypicalCaseEditView(DefaultEditView):
    pass


class AnonymisationReminder(ViewletBase):
    """Above the add and edit forms of a typical case."""


def case_day(case):
    """The day a typical case was closed, else published, else created."""
    if case.case_date:
        return case.case_date
    date = case.effective()
    if not date or date.year() < 1900:
        date = case.created()
    return beijing_date(date)


def case_card(case, districts):
    day = case_day(case)
    return {
        "title": case.Title(),
        "url": case.absolute_url(),
        "summary": case.summary or case.Description(),
        "district": districts.get(case.district, ""),
        "types": titles("dispute_types", case.dispute_types),
        "date": day.strftime("%Y-%m-%d"),
        "year": day.year,
        "closed": bool(case.case_date),
    }


class TypicalCaseListing(PublicPage):
    """The layout of /typical-cases: newest first, filterable by dispute type, district, year."""

    def update(self):
        form = self.request.form
        self.dispute_type = self._choice(form.get("dispute_type"), "dispute_types")
        self.district = self._choice(form.get("district"), "districts")
        try:
            self.year = int(form.get("year") or 0)
        except ValueError:
            self.year = 0
        query = {"portal_type": "TypicalCase", "review_state": "published"}
        if self.dispute_type:
            query["dispute_types"] = self.dispute_type
        if self.district:
            query["district"] = self.district
        districts = dict(registry_terms("districts"))
        cards = [
            case_card(brain.getObject(), districts)
            for brain in api.content.find(context=self.context, **query)
        ]
        self.all_years = sorted({card["year"] for card in cards}, reverse=True)
        if self.year:
            cards = [card for card in cards if card["year"] == self.year]
        cards.sort(key=lambda card: card["date"], reverse=True)
        self.cards = cards

    @staticmethod
    def _choice(value, vocabulary):
        value = (value or "").strip()
        return value if value in dict(registry_terms(vocabulary)) else ""

    def filters(self):
        return {
            "dispute_types": options("dispute_types", self.dispute_type),
            "districts": options("districts", self.district),
            "years": [{"value": y, "selected": y == self.year} for y in self.all_years],
        }

    def filtered(self):
        return bool(self.dispute_type or self.district or self.year)

    def batch(self):
        start = batch_start(self.request)
        return Batch(self.cards, PAGE_SIZE, start)


class TypicalCaseView(PublicPage):
    """A typical case: what happened, how it was handled, the result, the law, the lesson."""

    def card(self):
        return case_card(self.context, dict(registry_terms("districts")))

    def rich(self, name):
        value = getattr(self.context, name, None)
        return value.output_relative_to(self.context) if value else ""

    def lines(self, text):
        return [line.strip() for line in (text or "").splitlines() if line.strip()]

    def related_guides(self):
        types = list(self.context.dispute_types or ())
        if not types:
            return []
        brains = api.content.find(
            portal_type="Guide", review_state="published", dispute_types=types, sort_limit=4
        )[:4]
        return [{"title": b.Title, "url": b.getURL()} for b in brains]

    def listing_url(self):
        return self.context.aq_parent.absolute_url()


class NewsListing(PublicPage):
    """The layout of /news: published news, newest first."""

    def batch(self):
        brains = api.content.find(
            context=self.context,
            portal_type="News Item",
            review_state="published",
            sort_on="effective",
            sort_order="descending",
        )
        start = batch_start(self.request)
        return Batch(brains, PAGE_SIZE, start)

    def day(self, brain):
        date = brain.effective
        if not date or date.year() < 1900:
            date = brain.created
        return format_date(date)
