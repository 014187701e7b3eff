"""Old home of a settings schema, kept because databases built before the control panels had a
module each name it: plone.registry pickles each record's schema interface by this dotted name
until upgrade 1008 re-imports the registry. The schema lives in controlpanels/notifications.py."""

import zope.deferredimport


zope.deferredimport.initialize()
zope.deferredimport.defineFrom("suizhou.laborrights.controlpanels.notifications", "INotificationSettings")
