"""Full-text search of the public content in Chinese.

Plone's catalog splits Chinese text into overlapping pairs of characters (the bigrams of
``Products.CMFPlone.UnicodeSplitter``), so 工伤认定 finds text containing 工伤认定. What the
stock index lacks is the content: a Dexterity item is indexed by its title and description
only. These indexers add every public field (never a mediator's phone or account, never a
station's e-mail) and, for each dispute type of the item, its title and the search words of
the ``search_keywords`` setting: searching 欠薪 finds a station that handles 拖欠工资.

The site search (``@@search``, ``PublicSearch``) applies the ``search_synonyms`` setting to
the words typed (欠工资 searches 欠薪, 拖欠工资 … too), ranks guides, checklists and typical cases
before stations and mediators when a service word is searched, and labels each result with its
type (办事指南, 一次性告知清单, 典型案例, 服务站点, 调解员 …).

Cases are not here: their SearchableText is refused by ``suizhou.laborrights.cases.indexers``,
and their types are not searched (``public.setup.NOT_SEARCHED``).
"""

from plone import api
from plone.app.contentlisting.interfaces import IContentListing
from plone.base.batch import Batch
from plone.base.utils import munge_search_term
from plone.indexer import indexer
from Products.CMFPlone.browser.search import Search
from suizhou.laborrights import _
from suizhou.laborrights import logger
from suizhou.laborrights import settings
from suizhou.laborrights.content.guide import GUIDE_KINDS
from suizhou.laborrights.content.guide import IGuide
from suizhou.laborrights.content.mediator import IMediator
from suizhou.laborrights.content.service_station import IServiceStation
from suizhou.laborrights.content.typical_case import ITypicalCase
from suizhou.laborrights.folders import FAQ_ID
from suizhou.laborrights.folders import POLICIES_ID
from suizhou.laborrights.public.utils import titles
from suizhou.laborrights.vocabularies import registry_terms
from zope.i18n import translate

import lxml.etree
import lxml.html


INDEXED_TYPES = ("ServiceStation", "Guide", "TypicalCase", "Mediator")
# Registry records whose change alters the indexed words.
KEYWORD_RECORDS = (
    settings.record_name("public", "search_keywords"),
    settings.record_name("vocabularies", "dispute_types"),
)


def html_text(value):
    """The text of a RichText value."""
    if not value or not value.raw:
        return ""
    try:
        return lxml.html.fromstring(value.raw).text_content()
    except (lxml.etree.ParserError, ValueError):
        return ""


def dispute_type_words(codes):
    """Titles and search words of dispute types: ['拖欠工资', '欠薪 讨薪 …', …]."""
    keywords = dict(settings.lines("public", "search_keywords", 2))
    words = []
    for code, title in registry_terms("dispute_types"):
        if code in (codes or ()):
            words.append(title)
            if keywords.get(code):
                words.append(keywords[code])
    return words


def joined(obj, *parts):
    """id, title and description of ``obj`` and ``parts`` (strings or lists) as one text."""
    texts = [obj.getId(), obj.Title(), obj.Description()]
    for part in parts:
        if isinstance(part, (list, tuple)):
            texts.extend(str(p) for p in part if p)
        elif part:
            texts.append(str(part))
    return " ".join(text for text in texts if text)


def title_of(vocabulary, code):
    return dict(registry_terms(vocabulary)).get(code, "") if code else ""


@indexer(IServiceStation)
def station_text(obj):
    return joined(
        obj,
        title_of("station_levels", obj.level),
        title_of("districts", obj.district),
        obj.township,
        obj.village,
        title_of("host_types", obj.host_type),
        obj.host_name,
        obj.address,
        obj.opening_hours,
        dispute_type_words(obj.dispute_types),
        titles("mediation_kinds", obj.mediation_kinds),
        titles("partner_agencies", obj.partner_agencies),
    )


@indexer(IGuide)
def guide_text(obj):
    materials = [
        " ".join(str(row.get(key) or "") for key in ("material", "note")) for row in obj.materials or ()
    ]
    return joined(
        obj,
        dispute_type_words(obj.dispute_types),
        obj.who_may_apply,
        materials,
        html_text(obj.steps),
        obj.legal_time_limit,
        obj.promised_time_limit,
        obj.where,
        obj.legal_basis,
    )


@indexer(ITypicalCase)
def typical_case_text(obj):
    return joined(
        obj,
        dispute_type_words(obj.dispute_types),
        title_of("districts", obj.district),
        obj.summary,
        html_text(obj.facts),
        html_text(obj.handling),
        obj.outcome_text,
        obj.legal_basis,
        obj.lesson,
    )


@indexer(IMediator)
def mediator_text(obj):
    return joined(
        obj,
        obj.organisation,
        title_of("districts", obj.district),
        title_of("mediation_kinds", obj.mediation_kind),
        title_of("mediator_titles", obj.mediator_title),
        title_of("studios", obj.studio),
        dispute_type_words(obj.specialties),
        obj.biography,
    )


def reindex_public_text():
    """Reindex the SearchableText of the public content (after the search words changed)."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type=INDEXED_TYPES)
    for brain in brains:
        brain._unrestrictedGetObject().reindexObject(idxs=["SearchableText"])
    logger.info("Reindexed the full text of %d public items.", len(brains))


def reindex_on_keywords_change(event):
    if event.record.__name__ in KEYWORD_RECORDS and event.oldValue != event.newValue:
        reindex_public_text()


# For a service word, results in this order (relevance within each group): what to do and
# what happened to others first, then pages and news, then where to go and whom to ask.
SERVICE_ORDER = ("Guide", "TypicalCase", "Document", "News Item", "ServiceStation", "Mediator")
TYPE_LABELS = {
    "TypicalCase": _("search_type_typical_case", default="典型案例"),
    "ServiceStation": _("search_type_station", default="服务站点"),
    "Mediator": _("search_type_mediator", default="调解员"),
    "News Item": _("search_type_news", default="新闻动态"),
    "Document": _("search_type_page", default="页面"),
    "Folder": _("search_type_section", default="栏目"),
}
SECTION_LABELS = {
    FAQ_ID: _("search_type_faq", default="常见问题"),
    POLICIES_ID: _("search_type_policy", default="政策法规"),
}


def synonym_groups():
    """The ``search_synonyms`` setting as sets of words."""
    return [set(line.split()) for line in settings.setting("public", "search_synonyms") or () if line.split()]


def service_words():
    """Words that ask for a service: the synonyms, the dispute types' titles and search words."""
    words = set().union(*synonym_groups())
    words.update(title for _code, title in registry_terms("dispute_types"))
    for _code, keywords in settings.lines("public", "search_keywords", 2):
        words.update(keywords.split())
    return words


def expand(text):
    """The catalog query for ``text``: each word typed, or any of its synonyms (``(欠薪* OR
    欠工资* …)``), all of them ANDed; a quoted phrase is searched as Plone does."""
    if '"' in text:
        return munge_search_term(text)
    groups = synonym_groups()
    parts = []
    for term in text.split():
        munged = munge_search_term(term)
        if not munged:
            continue
        words = next((sorted(group) for group in groups if term in group), None)
        if words:
            parts.append("(" + " OR ".join(munge_search_term(word) for word in words) + ")")
        else:
            parts.append(munged)
    return " AND ".join(parts)


class PublicSearch(Search):
    """Plone's search page with synonyms, service-first ranking and type labels."""

    ranked = False

    def _searched_text(self, query):
        return ((query or {}).get("SearchableText") or self.request.form.get("SearchableText") or "").strip()

    def filter_query(self, query):
        text = self._searched_text(query)
        query = super().filter_query(query)
        if query and text:
            query["SearchableText"] = expand(text)
            # Sorted by relevance (Plone's default): services first for a service word.
            words = service_words()
            self.ranked = "sort_on" not in query and any(term in words for term in text.split())
        return query

    def results(self, query=None, batch=True, b_size=10, b_start=0, use_content_listing=True):
        results = super().results(query=query, batch=False, use_content_listing=False)
        if self.ranked:
            results = sorted(results, key=self._rank)
        if use_content_listing:
            results = IContentListing(results)
        if batch:
            results = Batch(results, b_size, int(b_start))
        return results

    def _rank(self, brain):
        try:
            return SERVICE_ORDER.index(brain.portal_type)
        except ValueError:
            return len(SERVICE_ORDER)

    def type_label(self, item):
        """The type of a result as the public knows it: 一次性告知清单, 典型案例, 常见问题 …"""
        brain = getattr(item, "_brain", item)
        portal_type = brain.portal_type
        if portal_type == "Guide":
            catalog = api.portal.get_tool("portal_catalog")
            kind = catalog._catalog.getIndex("guide_kind").getEntryForObject(brain.getRID())
            term = GUIDE_KINDS.by_value.get(kind) or GUIDE_KINDS.by_value["guide"]
            label = term.title
        else:
            label = None
            if portal_type == "Document":
                site_path = api.portal.get().getPhysicalPath()
                section = brain.getPath().split("/")[len(site_path) :][:1]
                label = SECTION_LABELS.get(section[0]) if section else None
            label = label or TYPE_LABELS.get(portal_type)
        if label is None:
            return brain.Type
        return translate(label, context=self.request)
