"""Small helpers of the public pages: links, vocabulary titles, pinyin order, distances shown
(computed by ``geo.haversine_km``)."""

from plone import api
from pypinyin import lazy_pinyin
from pypinyin import Style
from suizhou.laborrights.vocabularies import registry_terms

import math


def site_link(link):
    """A settings link as a URL: ``http…`` and ``/…`` as they are, others under the site root."""
    link = (link or "").strip()
    if link.startswith(("http://", "https://", "/", "tel:", "mailto:")):
        return link
    return f"{api.portal.get().absolute_url()}/{link}"


def titles(vocabulary, codes):
    """The titles of ``codes`` in registry list ``vocabulary``, in the administrator's order."""
    wanted = set(codes or ())
    return [title for code, title in registry_terms(vocabulary) if code in wanted]


def options(vocabulary, selected=None):
    """The terms of a registry list as ``{value, title, selected}`` for a <select>."""
    return [
        {"value": code, "title": title, "selected": code == selected}
        for code, title in registry_terms(vocabulary)
    ]


# Surnames whose reading differs from the character's most common one.
SURNAME_READINGS = {
    "曾": "zeng",
    "单": "shan",
    "解": "xie",
    "仇": "qiu",
    "朴": "piao",
    "查": "zha",
    "区": "ou",
    "覃": "qin",
    "乐": "yue",
    "盖": "ge",
    "缪": "miao",
    "翟": "zhai",
    "召": "shao",
    "种": "chong",
    "秘": "bi",
    "繁": "po",
    "员": "yun",
    "句": "gou",
    "折": "she",
    "卜": "bu",
    "藏": "zang",
    "重": "chong",
}


def name_pinyin(name):
    """The syllables of a person's name (``['chen', 'hong', 'mei']``), reading the surname as one."""
    name = (name or "").strip()
    if not name:
        return []
    syllables = lazy_pinyin(name, style=Style.NORMAL, errors="default")
    surname = SURNAME_READINGS.get(name[0])
    if surname and syllables:
        syllables[0] = surname
    return [s.lower() for s in syllables]


def pinyin_key(name):
    """Sort key for Chinese names in pinyin order (then by the characters, for homophones)."""
    return (name_pinyin(name), name or "")


def initial(name):
    """The capital letter a name is filed under (``'C'`` for 陈红梅); '#' when there is none."""
    syllables = name_pinyin(name)
    first = syllables[0][:1].upper() if syllables else ""
    return first if "A" <= first <= "Z" else "#"


def format_distance(km):
    """'850 米' under a kilometre, '3.2 公里' up to 100, '128 公里' beyond."""
    if km < 1:
        return f"{int(round(km * 1000, -1))} 米"
    if km < 100:
        return f"{km:.1f} 公里"
    return f"{km:.0f} 公里"


def parse_float(value, low, high):
    """A float from a request parameter within [low, high], else None."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if math.isnan(number) or not low <= number <= high:
        return None
    return number


def batch_start(request):
    """The b_start parameter of a listing as a non-negative int."""
    try:
        return max(0, int(request.form.get("b_start") or 0))
    except (TypeError, ValueError):
        return 0
