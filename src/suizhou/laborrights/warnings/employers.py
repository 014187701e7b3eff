"""Which employer a case is against: its credit code, or its normalised name when the code is
missing, so that “随州市恒驰机械有限公司” and “随州市恒驰机械 分公司” count as one employer."""

from plone.indexer import indexer
from suizhou.laborrights.content.case import ICase

import re


# Longest first: “有限责任公司” before “有限公司” before “公司”.
_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "分公司", "公司")
_SPACES = re.compile(r"[\s\u3000]+")
# “…有限公司曾都分公司”: the branch after the company form.
_BRANCH = re.compile(r"(股份有限公司|有限责任公司|有限公司|公司)[^公司]{0,12}分公司$")


def normalised_name(name):
    """The name without spaces, its branch part (…分公司) and its company-form suffix."""
    name = _SPACES.sub("", name or "").replace("（", "(").replace("）", ")")
    name = _BRANCH.sub("", name)
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    return name


def employer_key(credit_code, name):
    """The employer's identity: ``code:<credit code>``, else ``name:<normalised name>``, else None."""
    code = _SPACES.sub("", credit_code or "").upper()
    if code:
        return f"code:{code}"
    name = normalised_name(name)
    return f"name:{name}" if name else None


def index_keys(credit_code, name):
    """What the catalog's ``employer_keys`` holds of a case: ``code:…`` and ``coded:<name>``
    for a case with a credit code, ``name:<name>`` for one without."""
    name = normalised_name(name)
    key = employer_key(credit_code, None)
    if key:
        return (key, f"coded:{name}") if name else (key,)
    return (f"name:{name}",) if name else ()


def query_keys(credit_code, name):
    """The ``employer_keys`` of the cases against the same employer: with a credit code, the
    cases with that code and those without a code under the same name; without a code, every
    case under the same name."""
    name = normalised_name(name)
    key = employer_key(credit_code, None)
    keys = [key] if key else [f"coded:{name}"] if name else []
    if name:
        keys.append(f"name:{name}")
    return keys


def case_employer_key(case):
    return employer_key(case.employer_credit_code, case.employer_name)


@indexer(ICase)
def employer_keys(case):
    keys = index_keys(case.employer_credit_code, case.employer_name)
    if not keys:
        raise AttributeError("no employer")
    return keys
