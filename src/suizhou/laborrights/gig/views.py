"""The pages: the city-wide ``@@gig-jobs``, each gig-worker station's ``@@gig-station`` and the
staff's ``@@gig-matching``."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights import _
from suizhou.laborrights.gig import matching
from suizhou.laborrights.gig.listing import parse_pay
from suizhou.laborrights.gig.listing import public_postings
from suizhou.laborrights.gig.seekers import seekers_of
from suizhou.laborrights.gig.vocabularies import AVAILABILITY
from suizhou.laborrights.gig.vocabularies import GIG_HOST_TYPE
from suizhou.laborrights.gig.vocabularies import gig_stations
from suizhou.laborrights.gig.vocabularies import label
from suizhou.laborrights.gig.vocabularies import OUTCOMES
from suizhou.laborrights.gig.vocabularies import PAY_PERIODS
from suizhou.laborrights.gig.vocabularies import TRADES
from suizhou.laborrights.handling.assignment import units_of
from suizhou.laborrights.http import no_store
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.public.page import PublicPage
from suizhou.laborrights.public.stations import StationView
from suizhou.laborrights.timezone import chinese_date
from suizhou.laborrights.timezone import chinese_datetime
from suizhou.laborrights.vocabularies import registry_terms
from zExceptions import NotFound
from zExceptions import Unauthorized


def posting_card(posting):
    districts = dict(registry_terms("districts"))
    return {
        "url": posting.absolute_url(),
        "uid": posting.UID(),
        "title": posting.title,
        "trade": label(TRADES, posting.trade),
        "pay": f"{posting.pay} {label(PAY_PERIODS, posting.pay_period)}",
        "district": districts.get(posting.district, ""),
        "place": posting.place,
        "hours": posting.hours,
        "number_wanted": posting.number_wanted,
        "employer": posting.employer_name,
        "phone": posting.contact_phone,
        "valid_through": chinese_date(posting.valid_through),
    }


class PostingFilters:
    """The district, trade and least monthly pay filters of a postings list."""

    block = ViewPageTemplateFile("templates/postings_block.pt")

    def read_filters(self):
        form = self.request.form
        districts = dict(registry_terms("districts"))
        self.district = form.get("district") if form.get("district") in districts else ""
        self.trade = form.get("trade") if form.get("trade") in dict(options_of(TRADES)) else ""
        self.min_pay = parse_pay(form.get("min_pay")) if form.get("min_pay") else None

    def postings(self, station=""):
        return [posting_card(p) for p in public_postings(self.district, self.trade, self.min_pay, station)]

    def filter_options(self):
        return {"districts": list(registry_terms("districts")), "trades": options_of(TRADES)}


def options_of(items):
    return [(code, zh(title)) for code, title, *_rest in items]


class GigJobs(PostingFilters, PublicPage):
    """The city's current postings, filterable, and the gig-worker stations."""

    def update(self):
        self.read_filters()

    def stations(self):
        return [{"title": s.Title(), "url": f"{s.absolute_url()}/@@gig-station"} for s in gig_stations()]


class GigStation(PostingFilters, StationView):
    """A 零工驿站's four in one: postings, registration, legal service and rights protection."""

    def __call__(self):
        if self.context.host_type != GIG_HOST_TYPE:
            raise NotFound(self.context, "gig-station", self.request)
        self.read_filters()
        return super().__call__()

    def station_postings(self):
        return self.postings(self.context.UID())

    def portal_url(self):
        return api.portal.get().absolute_url()


class Matching(PublicPage):
    """Station staff: their seekers, the postings that fit each one, referrals and outcomes."""

    def update(self):
        no_store(self.request.response)
        if api.user.is_anonymous():
            raise Unauthorized("gig-matching")
        self.is_manager = api.user.has_permission("Manage portal")
        self.units = {s.UID() for s in gig_stations()} if self.is_manager else set(units_of())
        if not self.units:
            raise Unauthorized("gig-matching")
        self.message = ""
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            self.refer()

    def seekers(self):
        return [s for s in seekers_of(self.units)]

    def refer(self):
        form = self.request.form
        seeker = {s.getId(): s for s in self.seekers()}.get(form.get("seeker"))
        postings = {p.UID() for p in public_postings()}
        if seeker is None or form.get("posting") not in postings or form.get("outcome") not in dict(OUTCOMES):
            self.request.response.setStatus(400)
            self.message = zh(_("error_gig_referral", default="请选择求职人员、岗位和推荐结果。"))
            return
        matching.record_referral(seeker, form["posting"], form["outcome"])
        self.message = zh(_("gig_referral_saved", default="推荐记录已保存。"))

    def rows(self):
        postings = public_postings()
        titles = {p.UID(): p.title for p in postings}
        rows = []
        for seeker in sorted(self.seekers(), key=lambda s: s.getId()):
            referrals = [
                {
                    "posting": titles.get(r["posting"], zh(_("gig_posting_gone", default="（岗位已下架）"))),
                    "outcome": label(OUTCOMES, r["outcome"]),
                    "when": chinese_datetime(r["when"]),
                }
                for r in seeker.referrals or ()
            ]
            rows.append(
                {
                    "id": seeker.getId(),
                    "reference": seeker.getId().upper(),
                    "name": seeker.real_name,
                    "phone": seeker.phone,
                    "url": seeker.absolute_url(),
                    "trades": "、".join(label(TRADES, t) for t in seeker.wanted_trades or ()),
                    "district": dict(registry_terms("districts")).get(seeker.wanted_district, ""),
                    "availability": "、".join(label(AVAILABILITY, a) for a in seeker.availability or ()),
                    "matches": [
                        dict(posting_card(posting), score=points)
                        for points, posting in matching.matches(seeker, postings)
                    ],
                    "referrals": referrals,
                }
            )
        return rows

    def pending(self):
        """Postings of the user's stations waiting for review (the toolbar's 状态 menu publishes)."""
        brains = api.content.find(portal_type="JobPosting", review_state="pending", sort_on="created")
        postings = [brain.getObject() for brain in brains]
        return [posting_card(p) for p in postings if p.station in self.units]

    def outcomes(self):
        return options_of(OUTCOMES)
