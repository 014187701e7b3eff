"""The home page (the site root's layout): service entries, hotlines, latest cases and news."""

from plone import api
from suizhou.laborrights import settings
from suizhou.laborrights.folders import GUIDES_ID
from suizhou.laborrights.folders import NEWS_ID
from suizhou.laborrights.folders import STATIONS_ID
from suizhou.laborrights.folders import TYPICAL_CASES_ID
from suizhou.laborrights.public.icons import icon
from suizhou.laborrights.public.page import PublicPage
from suizhou.laborrights.public.utils import options
from suizhou.laborrights.public.utils import site_link
from suizhou.laborrights.timezone import format_date
from suizhou.laborrights.vocabularies import registry_terms


LATEST_CASES = 4
LATEST_NEWS = 5


def published(portal_type, limit, **query):
    """The newest published items of a type, newest first (brains)."""
    brains = api.content.find(
        portal_type=portal_type,
        review_state="published",
        sort_on="effective",
        sort_order="descending",
        sort_limit=limit,
        **query,
    )
    return brains[:limit]


def day(brain):
    """A brain's publication day as YYYY-MM-DD."""
    date = brain.effective
    if not date or date.year() < 1900:
        date = brain.created
    return format_date(date)


class HomeView(PublicPage):
    def entries(self):
        return [
            {
                "code": code,
                "title": title,
                "url": site_link(link),
                "description": description,
                "icon": icon(code),
            }
            for code, title, link, description in settings.lines("public", "home_entries", 4)
        ]

    def hotlines(self):
        return [
            {"number": number, "name": name, "icon": icon("phone")}
            for number, name in settings.lines("public", "hotlines", 2)
        ]

    def typical_cases(self):
        districts = dict(registry_terms("districts"))
        return [
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "description": brain.Description,
                "district": districts.get(brain.district, ""),
                "date": day(brain),
            }
            for brain in published("TypicalCase", LATEST_CASES)
        ]

    def news(self):
        return [
            {"title": brain.Title, "url": brain.getURL(), "date": day(brain)}
            for brain in published("News Item", LATEST_NEWS)
        ]

    def checklists(self):
        return [
            {"title": brain.Title, "url": brain.getURL()}
            for brain in published("Guide", 6, guide_kind="checklist")
        ]

    def districts(self):
        return options("districts")

    def urls(self):
        portal_url = api.portal.get().absolute_url()
        return {
            "stations": f"{portal_url}/{STATIONS_ID}",
            "guides": f"{portal_url}/{GUIDES_ID}",
            "checklists": f"{portal_url}/{GUIDES_ID}?kind=checklist",
            "cases": f"{portal_url}/{TYPICAL_CASES_ID}",
            "news": f"{portal_url}/{NEWS_ID}",
            "search": f"{portal_url}/@@search",
        }
