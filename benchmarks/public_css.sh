#!/usr/bin/env bash
# Regenerate theme/css/public.css, the part of Barceloneta's CSS the public pages use, after a
# change of markup that uses Bootstrap classes not used before. Fetches the anonymous public
# pages of a running demo site (`make start`; SITE_URL, default http://localhost:8080/Plone) and
# runs benchmarks/lighthouse/public_css.mjs (PurgeCSS) over them, the theme and the templates.
set -euo pipefail
cd "$(dirname "$0")/.."
site=${SITE_URL:-http://localhost:8080/Plone}
site=${site/127.0.0.1/localhost}  # plone.app.theming leaves 127.0.0.1 unthemed
(cd benchmarks/lighthouse && npm ci --no-audit --no-fund --loglevel=error)
pages=$(mktemp -d)
trap 'rm -rf "$pages"' EXIT
i=0
# The site's pages linked from the home page, the stations and the listings, and a 404 page.
for url in $( (for path in "" /stations /mediators /guides /typical-cases; do
                 curl -fs "$site$path" | grep -o "href=\"$site[^\"#?]*\"" | cut -d'"' -f2
               done; echo "$site/@@search?SearchableText=%E6%AC%A0%E8%96%AA"; echo "$site/no-such-page") |
             grep -v -e '++' -e '/login' -e '\.xml$' -e 'RSS$' | sort -u); do
    i=$((i + 1))
    curl -s -H 'Accept: text/html' "$url" > "$pages/$i.html"
done
barceloneta=$(bin/zopepy -c 'import os, plonetheme.barceloneta as b; print(os.path.join(os.path.dirname(b.__file__), "theme/css/barceloneta.css"))')
node benchmarks/lighthouse/public_css.mjs "$barceloneta" "$pages" > src/suizhou/laborrights/theme/css/public.css
echo "public.css: $(wc -c < src/suizhou/laborrights/theme/css/public.css) bytes from $i pages"
