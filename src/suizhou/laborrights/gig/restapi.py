"""GET @gig-postings (the public postings, filtered) and GET @gig-postings/<UID> (one posting),
for the mini-program: the same answer for everyone, cacheable a few minutes."""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.gig.listing import parse_pay
from suizhou.laborrights.gig.listing import public_postings
from suizhou.laborrights.gig.listing import serialize_posting
from suizhou.laborrights.gig.postings import is_public
from suizhou.laborrights.gig.vocabularies import TRADES
from suizhou.laborrights.restapi.errors import bad_request
from suizhou.laborrights.restapi.errors import not_found
from suizhou.laborrights.restapi.service import JsonService
from suizhou.laborrights.restapi.terms import Terms
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


@implementer(IPublishTraverse)
class GigPostingsGet(JsonService):
    names = ()

    def publishTraverse(self, request, name):
        self.names = (*self.names, name)
        return self

    def answer(self):
        if len(self.names) > 1:
            raise not_found()
        if self.names:
            return self.one(self.names[0])
        terms = Terms()
        district = self.code_param("district", terms, "districts")
        trade = self.param("trade")
        if trade and trade not in {code for code, _title in TRADES}:
            raise bad_request({"trade": _("api_error_unknown_code", default="没有这个代码。")})
        min_pay = None
        if self.param("min_pay"):
            min_pay = parse_pay(self.param("min_pay"))
            if min_pay is None:
                raise bad_request({"min_pay": _("api_error_min_pay", default="最低月薪应为不小于 0 的数字（元）。")})
        postings = public_postings(district, trade, min_pay, self.param("station"))
        items = [serialize_posting(posting) for posting in postings]
        self.public()
        return {"@id": self.request.getURL(), "items": items, "items_total": len(items)}

    def one(self, uid):
        brains = api.content.find(portal_type="JobPosting", UID=uid, unrestricted=True)
        posting = brains[0]._unrestrictedGetObject() if brains else None
        if posting is None or not is_public(posting):
            raise not_found(_("api_error_posting_not_found", default="没有这个招聘岗位，或已过期、未发布。"))
        self.public()
        return serialize_posting(posting)
