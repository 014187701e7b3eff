# Two commands do all the set-up on a fresh machine (Python 3.11 + the package registries):
#   make start   build everything, create the site with demo content, serve http://localhost:8080/Plone
#   make test    build everything and run the whole test suite
PYTHON ?= python3.11
VENV := .venv
BUILDOUT_CFG ?= buildout.cfg
BOOTSTRAP_PINS := zc.buildout==6.0.1 setuptools==84.2.1 pip==26.3 wheel==0.48.0 packaging==26.4 platformdirs==4.14.8

I18N_PINS := i18ndude==6.3.0 lxml==6.1.3 zope.i18nmessageid==8.4 zope.interface==8.7 zope.tal==6.0

.PHONY: start test build site clean-data clean i18n

$(VENV)/bin/buildout:
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet $(BOOTSTRAP_PINS)

# Buildout re-runs when its configuration or the package metadata changes.
bin/instance bin/test: $(VENV)/bin/buildout buildout.cfg profiles/*.cfg setup.py
	$(VENV)/bin/buildout -N -c $(BUILDOUT_CFG)
	touch bin/instance bin/test

build: bin/instance bin/test

site: bin/instance
	bin/instance run scripts/create_site.py

start: site
	bin/instance fg

# The whole suite in Beijing time, as production runs; the time tests also on a UTC server.
test: bin/test
	TZ=Asia/Shanghai bin/test
	TZ=UTC bin/test -t test_beijing_time

# Developers: rebuild the translation catalogs after changing user-visible text.
.venv-i18n/bin/i18ndude:
	$(PYTHON) -m venv .venv-i18n
	.venv-i18n/bin/pip install --quiet $(I18N_PINS)

i18n: .venv-i18n/bin/i18ndude
	scripts/i18n.sh

clean-data:
	rm -rf var/filestorage var/blobstorage

clean:
	rm -rf $(VENV) bin parts develop-eggs eggs .installed.cfg
