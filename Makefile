# Two commands do all the set-up on a fresh machine (Python 3.11 + the package registries):
#   make start   build everything, create the site with demo content, serve http://localhost:8080/Plone
#   make test    build everything and run the whole test suite
#   make lint    check the code style (ruff, zpretty; pinned, in .venv-lint), as CI does first
#   make perf-budget  Lighthouse on every public page type of the demo site against the budget
#   make test-scale  ZEO, RelStorage on PostgreSQL and Varnish built, started and checked (as root)
#   make bench   the set-ups measured side by side (BENCH_CASES=…), written to docs/performance.md
PYTHON ?= python3.11
VENV := .venv
BUILDOUT_CFG ?= buildout.cfg
BOOTSTRAP_PINS := zc.buildout==6.0.1 setuptools==84.2.1 pip==26.3 wheel==0.48.0 packaging==26.4 platformdirs==4.14.8

I18N_PINS := i18ndude==6.3.0 lxml==6.1.3 zope.i18nmessageid==8.4 zope.interface==8.7 zope.tal==6.0
LINT_PINS := ruff==0.17.5 zpretty==4.0.3 beautifulsoup4==4.15.0 lxml==6.1.3 soupsieve==4.1.3 typing-extensions==4.16.0

.PHONY: start test build site clean-data clean i18n lint perf-budget test-scale backup restore bench

$(VENV)/bin/buildout:
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet $(BOOTSTRAP_PINS)

# Buildout re-runs when its configuration or the package metadata changes.
bin/instance bin/test: $(VENV)/bin/buildout buildout.cfg profiles/*.cfg setup.py
	$(VENV)/bin/buildout -N -c $(BUILDOUT_CFG)
	touch bin/instance bin/test

build: bin/instance bin/test

site: bin/instance
	mkdir -p var/filestorage var/blobstorage
	bin/instance run scripts/create_site.py

start: site
	bin/instance fg

# The whole suite in Beijing time, as production runs; the time tests also on a UTC server.
test: bin/test
	TZ=Asia/Shanghai bin/test
	TZ=UTC bin/test -t test_beijing_time -t !TestZopeDateTime

# Developers: rebuild the translation catalogs after changing user-visible text.
.venv-i18n/bin/i18ndude:
	$(PYTHON) -m venv .venv-i18n
	.venv-i18n/bin/pip install --quiet $(I18N_PINS)

i18n: .venv-i18n/bin/i18ndude
	scripts/i18n.sh

# Lint: ruff (pyflakes, pycodestyle, import order as plone's isort profile, bugbear; see ruff.toml),
# zpretty on the ZCML and the GenericSetup profiles' XML, and no test module importing another
# (what tests share lives in tests/helpers.py, tests/api_helpers.py and the other tests/*_helpers.py).
# Fix: .venv-lint/bin/ruff check --fix FILES; .venv-lint/bin/zpretty -i FILES.
.venv-lint/bin/ruff: Makefile
	$(PYTHON) -m venv .venv-lint
	.venv-lint/bin/pip install --quiet $(LINT_PINS)
	touch .venv-lint/bin/ruff

lint: .venv-lint/bin/ruff
	.venv-lint/bin/ruff check .
	.venv-lint/bin/zpretty --check $$(find src -name '*.zcml') $$(find src/suizhou/laborrights/profiles -name '*.xml')
	@if grep -rnE '^[[:space:]]*(from|import)[[:space:]]+(tests)?\.test_' tests; then \
		echo "A test module imports from another: move what they share to a tests/*helpers.py module."; \
		exit 1; \
	fi

# The production set-ups running (ZEO + 2 instances, RelStorage on PostgreSQL + 2 instances,
# Varnish in front of ZEO), built in var/scale/ and checked over HTTP, backups restored; see
# scale/run.sh and docs/deployment.md. Installs postgresql and varnish from Debian when missing.
test-scale: $(VENV)/bin/buildout
	scale/run.sh

# FileStorage backups (repozo + the blob directory) into var/backups/; FULL=1 for a full one.
# restore: stop the instance first; BACKUP_DATE=<a backup's UTC time> for an earlier state.
backup:
	deploy/backup.sh

restore:
	deploy/restore.sh

# The public pages' performance budget (issue 16; docs/performance.md): Lighthouse 12 (npm, pinned
# in benchmarks/lighthouse) with Debian's Chromium, mobile profile, on a throw-away demo site:
# every page type at performance >= 95, accessibility 100, <= 150 KiB and <= 10 requests.
perf-budget: bin/instance
	benchmarks/perf_budget.sh

# Pages uncached / RAM cache / Varnish, one ZEO instance against two, filing with 1, 4 and 8
# writers, lookup, worklists and statistics at BENCH_CASES (default 100,000) cases, Data.fs per
# case; locust pinned in .venv-bench. Settings and phases: see benchmarks/bench.sh.
bench: bin/instance $(VENV)/bin/buildout
	benchmarks/bench.sh

clean-data:
	rm -rf var/filestorage var/blobstorage

clean:
	rm -rf $(VENV) bin parts develop-eggs eggs .installed.cfg .venv-lint .ruff_cache
