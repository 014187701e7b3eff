"""Old home of a settings schema, kept because databases built before the control panels had a
module each name it: plone.registry pickles each record's schema interface by this dotted name
until upgrade 1008 re-imports the registry. The schemas live in controlpanels/statutory.py and
controlpanels/vocabularies.py."""

import zope.deferredimport


zope.deferredimport.initialize()
zope.deferredimport.defineFrom("suizhou.laborrights.controlpanels.statutory", "IStatutorySettings")
zope.deferredimport.defineFrom("suizhou.laborrights.controlpanels.vocabularies", "IVocabularySettings")
