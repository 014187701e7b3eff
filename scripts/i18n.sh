#!/usr/bin/env bash
# Rebuild the message catalog from the code and sync the zh_CN and en translations.
# zh_CN messages whose translation is empty get their Chinese default; English ones are
# translated by hand in locales/en/LC_MESSAGES/suizhou.laborrights.po.
set -euo pipefail
cd "$(dirname "$0")/.."
I18NDUDE=.venv-i18n/bin/i18ndude
LOCALES=src/suizhou/laborrights/locales
DOMAIN=suizhou.laborrights
$I18NDUDE rebuild-pot --pot "$LOCALES/$DOMAIN.pot" --create "$DOMAIN" src/suizhou/laborrights
for lang in zh_CN en; do
    mkdir -p "$LOCALES/$lang/LC_MESSAGES"
    po="$LOCALES/$lang/LC_MESSAGES/$DOMAIN.po"
    [ -f "$po" ] || printf 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language-Code: %s\\n"\n"Language-Name: %s\\n"\n"Domain: %s\\n"\n' "$lang" "$lang" "$DOMAIN" > "$po"
    $I18NDUDE sync --pot "$LOCALES/$DOMAIN.pot" "$po"
done
python3 scripts/fill_defaults.py "$LOCALES/zh_CN/LC_MESSAGES/$DOMAIN.po"
