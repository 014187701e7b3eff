"""The one-stop labour-rights protection site of Suizhou, as a Plone add-on."""

from zope.i18nmessageid import MessageFactory

import logging


PACKAGE_NAME = "suizhou.laborrights"

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)
