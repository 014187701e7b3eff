"""GET @guides: service guides, one-time notification checklists and service notices.

Filters: ``dispute_type`` (the guides for one kind of matter), ``kind`` (guide, checklist,
notice). In the order of the guides folder.
"""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.content.guide import GUIDE_KINDS
from suizhou.laborrights.content.guide import MATERIAL_FORMS
from suizhou.laborrights.restapi.errors import bad_request
from suizhou.laborrights.restapi.service import JsonService
from suizhou.laborrights.restapi.terms import Terms
from suizhou.laborrights.restapi.terms import vocabulary_term


def serialize_guide(guide, terms):
    return {
        "@id": guide.absolute_url(),
        "UID": guide.UID(),
        "title": guide.title,
        "description": guide.description or "",
        "guide_kind": vocabulary_term(GUIDE_KINDS, guide.guide_kind),
        "dispute_types": terms.terms("dispute_types", guide.dispute_types),
        "who_may_apply": guide.who_may_apply,
        "materials": [
            {
                "material": row.get("material"),
                "form": vocabulary_term(MATERIAL_FORMS, row.get("form")),
                "count": row.get("count"),
                "note": row.get("note"),
            }
            for row in guide.materials or ()
        ],
        "steps": guide.steps.output_relative_to(guide) if guide.steps else None,
        "legal_time_limit": guide.legal_time_limit,
        "promised_time_limit": guide.promised_time_limit,
        "fee": guide.fee,
        "where": guide.where,
        "legal_basis": guide.legal_basis,
        "related_forms": list(guide.related_forms or ()),
    }


class GuidesGet(JsonService):
    def answer(self):
        terms = Terms()
        query = {}
        dispute_type = self.code_param("dispute_type", terms, "dispute_types")
        if dispute_type:
            query["dispute_types"] = dispute_type
        kind = self.param("kind")
        if kind:
            if kind not in GUIDE_KINDS.by_token:
                raise bad_request({"kind": _("api_error_unknown_code", default="没有这个代码。")})
            query["guide_kind"] = kind
        brains = api.content.find(
            portal_type="Guide", review_state="published", sort_on="getObjPositionInParent", **query
        )
        items = [serialize_guide(brain.getObject(), terms) for brain in brains]
        self.public()
        return {"@id": self.request.getURL(), "items": items, "items_total": len(items)}
