"""Guides, checklists and the service notice: one service-card layout, and their listing.

A guide links to the filing forms that fit its dispute types (the ``filing_forms`` setting)
and to the forms named in its own "相关表格" field (a form code, ``名称|链接`` or a link).
"""

from plone import api
from suizhou.laborrights import settings
from suizhou.laborrights.content.guide import GUIDE_KINDS
from suizhou.laborrights.content.guide import MATERIAL_FORMS
from suizhou.laborrights.public.page import PublicPage
from suizhou.laborrights.public.utils import options
from suizhou.laborrights.public.utils import site_link
from suizhou.laborrights.public.utils import titles
from suizhou.laborrights.vocabularies import registry_terms
from zope.i18n import translate


def filing_forms():
    """{code: (title, url, dispute type codes or None for all)} of the filing_forms setting."""
    forms = {}
    for code, title, link, types in settings.lines("public", "filing_forms", 4):
        applies = {t.strip() for t in types.split(",") if t.strip()} or None
        forms[code] = (title, site_link(link), applies)
    return forms


def forms_for(dispute_types, related=()):
    """The forms a guide links to: its own related forms first, then those of its types."""
    forms = filing_forms()
    links, seen = [], set()

    def add(title, url):
        if url not in seen:
            seen.add(url)
            links.append({"title": title, "url": url})

    for line in related or ():
        line = (line or "").strip()
        if not line:
            continue
        if line in forms:
            add(forms[line][0], forms[line][1])
        elif "|" in line:
            title, _sep, link = line.partition("|")
            add(title.strip(), site_link(link))
        else:
            add(line, site_link(line))
    wanted = set(dispute_types or ())
    for title, url, applies in forms.values():
        if wanted and (applies is None or applies & wanted):
            add(title, url)
    return links


class GuideView(PublicPage):
    """The service card of a guide."""

    def kind(self):
        term = GUIDE_KINDS.by_value.get(self.context.guide_kind)
        return translate(term.title, context=self.request) if term else ""

    def matters(self):
        return titles("dispute_types", self.context.dispute_types)

    def materials(self):
        rows = []
        for row in self.context.materials or ():
            term = MATERIAL_FORMS.by_value.get(row.get("form"))
            rows.append(
                {
                    "material": row.get("material") or "",
                    "form": translate(term.title, context=self.request) if term else "",
                    "count": row.get("count") or "",
                    "note": row.get("note") or "",
                }
            )
        return rows

    def steps(self):
        steps = self.context.steps
        return steps.output_relative_to(self.context) if steps else ""

    def forms(self):
        return forms_for(self.context.dispute_types, self.context.related_forms)

    def lines(self, text):
        """A plain-text field as paragraphs."""
        return [line.strip() for line in (text or "").splitlines() if line.strip()]

    def stations_url(self):
        return f"{api.portal.get().absolute_url()}/stations"

    def listing_url(self):
        return self.context.aq_parent.absolute_url()


class GuideListing(PublicPage):
    """The guides folder: by kind (checklists, guides, notices), filterable by matter."""

    def update(self):
        form = self.request.form
        kind = (form.get("kind") or "").strip()
        self.kind = kind if kind in GUIDE_KINDS.by_value else ""
        dispute_type = (form.get("dispute_type") or "").strip()
        self.dispute_type = dispute_type if dispute_type in dict(registry_terms("dispute_types")) else ""

    def kinds(self):
        return [
            {
                "value": term.value,
                "title": translate(term.title, context=self.request),
                "selected": term.value == self.kind,
            }
            for term in GUIDE_KINDS
        ]

    def dispute_types(self):
        return options("dispute_types", self.dispute_type)

    def sections(self):
        query = {"portal_type": "Guide", "review_state": "published", "sort_on": "getObjPositionInParent"}
        if self.dispute_type:
            query["dispute_types"] = self.dispute_type
        sections = []
        for term in GUIDE_KINDS:
            if self.kind and term.value != self.kind:
                continue
            brains = api.content.find(context=self.context, guide_kind=term.value, **query)
            if brains:
                sections.append(
                    {
                        "kind": term.value,
                        "title": translate(term.title, context=self.request),
                        "guides": [
                            {"title": b.Title, "url": b.getURL(), "description": b.Description}
                            for b in brains
                        ],
                    }
                )
        return sections

    def filtered(self):
        return bool(self.kind or self.dispute_type)
