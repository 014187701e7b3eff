"""Give every untranslated message of a .po file its default text (the Chinese source),
or its msgid where the msgid is itself the Chinese text (FTI titles, profile descriptions).

Usage: python3 scripts/fill_defaults.py locales/zh_CN/LC_MESSAGES/suizhou.laborrights.po
"""

import re
import sys


DEFAULT = re.compile(r'^#\. Default: (".*")$')
MSGID = re.compile(r'^msgid (".*")$')
CJK = re.compile(r"[\u4e00-\u9fff]")


def fill(text):
    blocks = text.split("\n\n")
    filled = []
    for block in blocks:
        default = msgid = None
        for line in block.splitlines():
            if match := DEFAULT.match(line):
                default = match.group(1)
            elif match := MSGID.match(line):
                msgid = match.group(1)
        if default is None and msgid and CJK.search(msgid):
            default = msgid
        if default and block.rstrip().endswith('msgstr ""') and 'msgid ""' not in block:
            block = block.rstrip()[: -len('msgstr ""')] + f"msgstr {default}"
        filled.append(block)
    return "\n\n".join(filled)


if __name__ == "__main__":
    path = sys.argv[1]
    with open(path, encoding="utf-8") as po:
        text = po.read()
    with open(path, "w", encoding="utf-8") as po:
        po.write(fill(text))
