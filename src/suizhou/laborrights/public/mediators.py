"""Mediator directory (filters, pinyin order) and profile pages with figures from closed cases.

The figures are counted, never typed in: closed cases whose handler is the mediator's account,
and of those the ones whose outcome is 'mediated'. The count is an unrestricted catalog query
(the public may not see cases) that returns only numbers; no case data leaves ``case_figures``.
"""

from plone import api
from suizhou.laborrights.public.page import PublicPage
from suizhou.laborrights.public.utils import initial
from suizhou.laborrights.public.utils import options
from suizhou.laborrights.public.utils import pinyin_key
from suizhou.laborrights.public.utils import titles
from suizhou.laborrights.vocabularies import registry_terms


GOLD = "gold"
MEDIATED = "mediated"
CLOSED = "closed"


def case_figures(username):
    """(closed cases handled by ``username``, of which mediated); (0, 0) without an account."""
    if not username:
        return 0, 0
    catalog = api.portal.get_tool("portal_catalog")
    query = {"portal_type": "Case", "handler": username, "review_state": CLOSED}
    closed = len(catalog.unrestrictedSearchResults(**query))
    mediated = len(catalog.unrestrictedSearchResults(outcome=MEDIATED, **query)) if closed else 0
    return closed, mediated


def photo_url(mediator, scale="thumb"):
    if not getattr(mediator, "photo", None):
        return None
    image = mediator.restrictedTraverse("@@images").scale("photo", scale=scale)
    return image.url if image else None


def mediator_card(mediator, vocabularies):
    name = mediator.Title()
    return {
        "uid": mediator.UID(),
        "name": name,
        "initial": initial(name),
        "avatar": name[:1],
        "url": mediator.absolute_url(),
        "photo": photo_url(mediator),
        "organisation": mediator.organisation or "",
        "district": vocabularies["districts"].get(mediator.district, ""),
        "kind": vocabularies["mediation_kinds"].get(mediator.mediation_kind, ""),
        "honour": vocabularies["mediator_titles"].get(mediator.mediator_title, ""),
        "gold": mediator.mediator_title == GOLD,
        "studio": vocabularies["studios"].get(mediator.studio, "") if mediator.studio else "",
        "specialties": titles("dispute_types", mediator.specialties),
    }


def mediator_cards(mediators, station=None):
    """Cards of ``mediators`` (objects), those serving at ``station`` (a UID) if given,
    sorted by the pinyin of their names."""
    vocabularies = {
        name: dict(registry_terms(name))
        for name in ("districts", "mediation_kinds", "mediator_titles", "studios")
    }
    if station:
        mediators = [m for m in mediators if station in (m.stations or ())]
    cards = [mediator_card(m, vocabularies) for m in mediators]
    cards.sort(key=lambda card: pinyin_key(card["name"]))
    return cards


class MediatorDirectory(PublicPage):
    """All published mediators, filterable by kind, district, studio and gold medal."""

    def update(self):
        form = self.request.form
        self.kind = self._choice(form.get("kind"), "mediation_kinds")
        self.district = self._choice(form.get("district"), "districts")
        self.studio = self._choice(form.get("studio"), "studios")
        self.gold = form.get("gold") in ("1", "on", "true")
        query = {"portal_type": "Mediator", "review_state": "published"}
        if self.kind:
            query["mediation_kind"] = self.kind
        if self.district:
            query["district"] = self.district
        if self.studio:
            query["studio"] = self.studio
        if self.gold:
            query["mediator_title"] = GOLD
        self.cards = mediator_cards([brain.getObject() for brain in api.content.find(**query)])

    @staticmethod
    def _choice(value, vocabulary):
        value = (value or "").strip()
        return value if value in dict(registry_terms(vocabulary)) else ""

    def filters(self):
        return {
            "kinds": options("mediation_kinds", self.kind),
            "districts": options("districts", self.district),
            "studios": options("studios", self.studio),
        }

    def filtered(self):
        return any((self.kind, self.district, self.studio, self.gold))

    def featured(self):
        """The gold-medal mediators, shown first when nothing is filtered."""
        return [card for card in self.cards if card["gold"]] if not self.filtered() else []

    def letters(self):
        """The directory by initial: [{'letter': 'C', 'cards': [...]}, ...]."""
        groups = []
        for card in self.cards:
            if not groups or groups[-1]["letter"] != card["initial"]:
                groups.append({"letter": card["initial"], "cards": []})
            groups[-1]["cards"].append(card)
        return groups

    def url(self):
        return f"{api.portal.get().absolute_url()}/mediators"


class MediatorView(PublicPage):
    """A mediator's profile: photo, kind, studio, specialties, stations, figures, biography."""

    def card(self):
        vocabularies = {
            name: dict(registry_terms(name))
            for name in ("districts", "mediation_kinds", "mediator_titles", "studios")
        }
        card = mediator_card(self.context, vocabularies)
        card["photo"] = photo_url(self.context, scale="preview")
        return card

    def stations(self):
        uids = list(self.context.stations or ())
        if not uids:
            return []
        brains = api.content.find(UID=uids, portal_type="ServiceStation", review_state="published")
        by_uid = {brain.UID: brain for brain in brains}
        return [{"title": by_uid[uid].Title, "url": by_uid[uid].getURL()} for uid in uids if uid in by_uid]

    def figures(self):
        closed, mediated = case_figures(self.context.username)
        return {
            "closed": closed,
            "mediated": mediated,
            "rate": f"{mediated * 100 / closed:.0f}%" if closed else "",
        }

    def directory_url(self):
        return f"{api.portal.get().absolute_url()}/mediators"
