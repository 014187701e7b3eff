"""The one exception of case handling: an action refused, with a message for the user."""

from Products.CMFCore.WorkflowCore import WorkflowException
from suizhou.laborrights.i18n import zh
from zope.globalrequest import getRequest
from zope.i18n import translate


class Refused(WorkflowException):
    """An action on a case was refused; ``message`` says why (a translatable message).

    It is a ``WorkflowException`` so that a refused transition answers the REST API with
    400 and the message, like any transition that is not possible.
    """

    def __init__(self, message):
        self.message = message
        request = getRequest()
        # Outside a request (a script, a worker thread) there is no language to negotiate, and
        # zope.i18n would fall back to English: the city's language is Chinese.
        super().__init__(translate(message, context=request) if request is not None else zh(message))

    def __str__(self):
        return self.args[0]
