"""Who may be chosen as handler: members of the units' staff groups and of the handlers',
mediators' and arbitrators' groups."""

from suizhou.laborrights.handling.assignment import staff_users
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


@provider(IVocabularyFactory)
def Staff(context=None):
    return SimpleVocabulary(
        [
            SimpleTerm(
                value=userid,
                token=userid,
                title=f"{name}（{userid}）" if name != userid else userid,
            )
            for userid, name in staff_users()
        ]
    )
