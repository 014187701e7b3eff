"""The static accessibility check of a page's HTML, shared by the page tests (test_public_a11y)
and the browser tests (which run axe-core on top): the page is in Chinese (``lang="zh-CN"``),
has exactly one main landmark, a banner, a contentinfo and named navigation landmarks, a skip
link to an element that exists, one h1 before any other heading and no skipped heading level,
every form control labelled, every image with an alt text, every link and button named."""

import collections
import lxml.html


CONTROLS = ("input", "select", "textarea")
UNLABELLED_INPUTS = ("hidden", "submit", "button", "reset", "image")
SECTIONING = ("article", "aside", "main", "nav", "section")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _text(element):
    return " ".join((element.text_content() or "").split())


def _is_top_level(element):
    """A header/footer is a banner/contentinfo landmark unless inside a sectioning element."""
    return not any(ancestor.tag in SECTIONING for ancestor in element.iterancestors())


def _hidden(element):
    return any(
        node.get("hidden") is not None or node.get("aria-hidden") == "true"
        for node in (element, *element.iterancestors())
    )


def a11y_problems(html):
    """What is missing for WCAG 2.1 AA basics in a page: a list of messages (empty if none)."""
    doc = lxml.html.fromstring(html)
    problems = []
    ids = collections.Counter(e.get("id") for e in doc.iter() if isinstance(e.tag, str) and e.get("id"))

    if not doc.get("lang"):
        problems.append("<html> has no lang")
    elif doc.get("lang").lower() != "zh-cn":
        problems.append(f"<html lang={doc.get('lang')!r}>, not zh-CN")
    title = doc.find(".//title")
    if title is None or not _text(title):
        problems.append("no <title>")

    mains = doc.xpath("//main | //*[@role='main']")
    if len(mains) != 1:
        problems.append(f"{len(mains)} main landmarks")
    banners = [h for h in doc.iter("header") if _is_top_level(h)] + doc.xpath("//*[@role='banner']")
    if not banners:
        problems.append("no banner landmark")
    navs = doc.xpath("//nav | //*[@role='navigation']")
    if not navs:
        problems.append("no navigation landmark")
    for nav in navs:
        if not (nav.get("aria-label", "").strip() or nav.get("aria-labelledby")):
            problems.append(f"navigation landmark without a name: id={nav.get('id')!r}")
    footers = [f for f in doc.iter("footer") if _is_top_level(f)] + doc.xpath("//*[@role='contentinfo']")
    if not footers:
        problems.append("no contentinfo landmark")
    h1s = [h for h in doc.iter("h1") if not _hidden(h)]
    if len(h1s) != 1:
        problems.append(f"{len(h1s)} h1 headings: {[_text(h) for h in h1s]}")
    levels = [(int(h.tag[1]), _text(h)) for h in doc.iter(*HEADINGS) if not _hidden(h) and _text(h)]
    if levels and levels[0][0] != 1:
        problems.append(f"the first heading is not the h1: h{levels[0][0]} {levels[0][1]!r}")
    for (before, _b), (level, text) in zip(levels, levels[1:]):
        if level > before + 1:
            problems.append(f"heading level skipped: h{before} then h{level} {text!r}")

    skip = doc.xpath("(//body//a[@href])[1]")
    target = skip[0].get("href") if skip else ""
    if not target.startswith("#") or not ids[target[1:]]:
        problems.append(f"no skip link to an existing element first in the page: {target!r}")

    labelled = {label.get("for") for label in doc.iter("label") if label.get("for")}
    for control in doc.xpath("//input | //select | //textarea"):
        if control.tag == "input" and (control.get("type") or "text").lower() in UNLABELLED_INPUTS:
            continue
        if _hidden(control):
            continue
        named = (
            (control.get("id") and control.get("id") in labelled)
            or any(a.tag == "label" for a in control.iterancestors())
            or control.get("aria-label", "").strip()
            or control.get("title", "").strip()
            or (
                control.get("aria-labelledby")
                and all(ids[ref] for ref in control.get("aria-labelledby").split())
            )
        )
        if not named:
            problems.append(f"unlabelled <{control.tag} name={control.get('name')!r}>")

    for image in doc.iter("img"):
        if image.get("alt") is None:
            problems.append(f"<img src={image.get('src')!r}> has no alt")

    for link in doc.xpath("//a[@href]"):
        if _hidden(link):
            continue
        name = (
            _text(link)
            or link.get("aria-label", "").strip()
            or link.get("title", "").strip()
            or any((img.get("alt") or "").strip() for img in link.iter("img"))
        )
        if not name:
            problems.append(f"link without a name: {link.get('href')!r}")

    for button in doc.iter("button"):
        if _hidden(button):
            continue
        if not (_text(button) or button.get("aria-label", "").strip() or button.get("title", "").strip()):
            problems.append(f"button without a name: {lxml.html.tostring(button)[:80]!r}")

    for element in doc.xpath("//*[@aria-labelledby]"):
        missing = [ref for ref in element.get("aria-labelledby").split() if not ids[ref]]
        if missing:
            problems.append(f"aria-labelledby points nowhere: {missing}")
    for label in doc.iter("label"):
        if label.get("for") and not ids[label.get("for")]:
            problems.append(f"label for a missing id: {label.get('for')!r}")
    duplicates = sorted(i for i, n in ids.items() if n > 1)
    if duplicates:
        problems.append(f"duplicate ids: {duplicates}")
    return problems


# Problems known on pages whose markup is not the public site's (nor the theme's) to fix, with
# where the fix belongs. The tests fail when a page has any other problem, and when a known
# one is gone (then take it off this list).
KNOWN_PROBLEMS = {}
