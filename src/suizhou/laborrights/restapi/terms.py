"""Vocabulary values as ``{"token": code, "title": 中文名称}``, as plone.restapi gives choices."""

from suizhou.laborrights.i18n import zh
from suizhou.laborrights.vocabularies import registry_terms


class Terms:
    """The titles of registry lists, read once per request."""

    def __init__(self):
        self._lists = {}

    def titles(self, name):
        if name not in self._lists:
            self._lists[name] = dict(registry_terms(name))
        return self._lists[name]

    def codes(self, name):
        return list(self.titles(name))

    def term(self, name, code):
        if not code:
            return None
        return {"token": code, "title": self.titles(name).get(code, code)}

    def terms(self, name, codes):
        return [self.term(name, code) for code in codes or ()]


def vocabulary_term(vocabulary, code):
    """The same for a fixed ``SimpleVocabulary`` (message-id titles)."""
    if not code:
        return None
    try:
        return {"token": code, "title": zh(vocabulary.getTerm(code).title)}
    except LookupError:
        return {"token": code, "title": code}
