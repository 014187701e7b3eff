"""Messages in Chinese, the language of the site's users, whatever the browser asks for."""

from zope.i18n import translate
from zope.i18nmessageid import Message


LANGUAGE = "zh_CN"


def zh(message, **mapping):
    """``message`` (a message id, or plain text returned as it is) in Chinese, with ``mapping``
    filled in when given."""
    if mapping:
        message = Message(message, mapping=mapping)
    return translate(message, target_language=LANGUAGE)
