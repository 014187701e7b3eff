"""Full-text search of the public content in Chinese.

Plone's catalog splits Chinese text into overlapping pairs of characters (the bigrams of
``Products.CMFPlone.UnicodeSplitter``), so 工伤认定 finds text containing 工伤认定. What the
stock index lacks is the content: a Dexterity item is indexed by its title and description
only. These indexers add every public field (never a mediator's phone or account, never a
station's e-mail) and, for each dispute type of the item, its title and the search words of
the ``search_keywords`` setting: searching 欠薪 finds a station that handles 拖欠工资.

Cases are not here: their SearchableText is refused by ``suizhou.laborrights.cases.indexers``.
"""

from plone import api
from plone.indexer import indexer
from suizhou.laborrights import logger
from suizhou.laborrights import settings
from suizhou.laborrights.content.guide import IGuide
from suizhou.laborrights.content.mediator import IMediator
from suizhou.laborrights.content.service_station import IServiceStation
from suizhou.laborrights.content.typical_case import ITypicalCase
from suizhou.laborrights.public.utils import titles
from suizhou.laborrights.vocabularies import registry_terms

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
