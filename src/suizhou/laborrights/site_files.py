"""The site's files for machines (issue 16 item 8): the sitemap, also uncompressed, and the
feed links of the page head with readable titles.

- ``sitemap.xml.gz`` is Plone's (on: registry ``plone.enable_sitemap``); ``sitemap.xml`` gives the
  same pages as one plain XML list. Both list what an anonymous visitor may see of the types
  searched (``getUserFriendlyTypes``): the public pages, never a case (cases are private and
  their type is not searched).
- Plone 6.2's feed link viewlet formats the feed type's title as bytes (``b'RSS 1.0'``); ours
  writes the title as text."""

from plone.app.layout.links.viewlets import RSSViewlet
from plone.app.layout.sitemap.sitemap import SiteMapView
from plone.base.interfaces import ISiteSchema
from plone.base.interfaces.syndication import IFeedSettings
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
from zope.publisher.interfaces import NotFound
from zope.schema.interfaces import IVocabularyFactory


class SiteMapXML(SiteMapView):
    """``sitemap.xml``: every public page in one ``urlset`` (sitemaps.org allows 50,000)."""

    def objects(self):
        return list(self._objects())

    def __call__(self):
        settings = getUtility(IRegistry).forInterface(ISiteSchema, prefix="plone")
        if not settings.enable_sitemap:
            raise NotFound(self.context, "sitemap.xml", self.request)
        self.request.response.setHeader("Content-Type", "application/xml; charset=utf-8")
        return self.template()


class FeedLinks(RSSViewlet):
    def getRssLinks(self, obj):
        settings = IFeedSettings(obj, None)
        if settings is None:
            return []
        vocabulary = getUtility(IVocabularyFactory, "plone.app.vocabularies.SyndicationFeedTypes")(self.context)
        links = []
        for feed_type in settings.feed_types:
            try:
                term = vocabulary.getTerm(feed_type)
            except LookupError:
                continue
            links.append({"title": f"{obj.Title()} - {term.title}", "url": f"{obj.absolute_url()}/{term.value}"})
        return links
