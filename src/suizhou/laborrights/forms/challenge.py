"""An optional local challenge (本地验证题): a small sum asked in Chinese numerals.

No third-party service is involved (they are unreachable from a government network). The
field is in every public form but shown only while the registry switch
``suizhou.laborrights.filing.challenge_enabled`` is on (``TEnabled`` expression
``object/@@filing-challenge-enabled``). The answer is never sent to the browser: the form
carries a signed hash of it, valid for two hours, and a solved question is used up
(``solve``): its nonce is kept in the shared store (``cases.counters``) until it expires.
"""

from plone.schemaeditor.fields import FieldFactory
from plone.supermodel.exportimport import BaseHandler
from Products.Five import BrowserView
from suizhou.laborrights import _
from suizhou.laborrights.cases import counters
from suizhou.laborrights.forms import signing
from suizhou.laborrights.settings import setting
from z3c.form.browser.text import TextWidget
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import IFormLayer
from z3c.form.interfaces import INPUT_MODE
from z3c.form.validator import SimpleFieldValidator
from z3c.form.widget import FieldWidget
from zope.browserpage.viewpagetemplatefile import ViewPageTemplateFile
from zope.component import adapter
from zope.interface import implementer
from zope.schema import TextLine
from zope.schema import ValidationError
from zope.schema.interfaces import ITextLine

import secrets


LIFETIME = 2 * 3600
NUMERALS = "零一二三四五六七八九"


class IChallenge(ITextLine):
    """A local arithmetic challenge field."""


@implementer(IChallenge)
class Challenge(TextLine):
    """验证问题：回答一道简单的加法题。"""


ChallengeFactory = FieldFactory(Challenge, _("label_challenge_field", default="验证问题（本地算术题）"))
ChallengeHandler = BaseHandler(Challenge)


def _purpose(nonce):
    return f"challenge:{nonce}"


def new_question():
    """(question text, token): the token is ``<nonce>:<signature of the answer>``."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    nonce = secrets.token_hex(8)
    question = f"{NUMERALS[a]}加{NUMERALS[b]}等于几？（请填写阿拉伯数字）"
    return question, f"{nonce}:{signing.sign(_purpose(nonce), str(a + b), LIFETIME)}"


def is_answer(token, answer):
    nonce, _sep, signature = (token or "").partition(":")
    answer = (answer or "").strip()
    return bool(nonce and answer.isdigit()) and signing.verify(_purpose(nonce), str(int(answer)), signature)


def solve(token, answer, request=None):
    """``is_answer``, once: a token already solved (in another request) is refused. Within
    ``request`` the same token may be checked again (a form validates more than once)."""
    if not is_answer(token, answer):
        return False
    solved = request.other.setdefault("laborrights.solved_challenges", set()) if request else set()
    if token in solved:
        return True
    nonce, _sep, signature = token.partition(":")
    if not counters.use_once(nonce, int(signature.partition(".")[0])):
        return False
    solved.add(token)
    return True


class ChallengeWidget(TextWidget):
    """Shows the question; the answer box starts empty on every display."""

    input_template = ViewPageTemplateFile("templates/challenge_input.pt")
    question = token = ""

    def update(self):
        super().update()
        self.question, self.token = new_question()
        self.value = ""

    @property
    def token_name(self):
        return f"{self.name}.token"

    def render(self):
        if self.mode == INPUT_MODE:
            return self.input_template(self)
        return ""


@adapter(IChallenge, IFormLayer)
@implementer(IFieldWidget)
def ChallengeFieldWidget(field, request):
    return FieldWidget(field, ChallengeWidget(request))


class WrongAnswer(ValidationError):
    __doc__ = _("error_challenge", default="验证问题回答错误或已过期，请按新的题目重新作答。")


class ChallengeValidator(SimpleFieldValidator):
    """Registered for (IEasyForm, *, *, IChallenge, *); easyform's own validator defers to it."""

    def validate(self, value):
        super().validate(value)
        token = self.request.form.get(f"{self.widget.name}.token")
        if not solve(token, value, self.request):
            raise WrongAnswer(value)


class ChallengeEnabled(BrowserView):
    """``object/@@filing-challenge-enabled``: is the challenge switched on in the registry?"""

    def __call__(self):
        return bool(setting("filing", "challenge_enabled"))
