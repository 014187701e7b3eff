vcl 4.1;
# Varnish in front of the Zope instances of the ZEO set-up (profiles/production.cfg), after
# plone.app.caching's documented Varnish configuration ("Caching proxies" in its guide): the proxy
# keeps only what Plone marks as shared-cacheable (s-maxage, set by scripts/setup_caching.py),
# for anonymous visitors only, and drops a page when Plone sends a PURGE for it
# (plone.cachepurging, purging enabled with this proxy's address).
#
# Never cached (`X-Cache: MISS` on every response): requests with credentials (Authorization
# header, the __ac login cookie, a Zope session, a status message), anything but GET/HEAD, responses that set a
# cookie, and responses Plone marks private / no-store / no-cache / max-age=0 without s-maxage —
# staff pages, case pages, the filing forms, the API answers for logged-in users, downloads of
# case attachments. The add-on sends those with `Cache-Control: no-store` or `private`.
#
# Start (Debian's varnish package; loopback only, the reverse proxy in front talks to it):
#   varnishd -a 127.0.0.1:6081 -T 127.0.0.1:6082 -f /srv/laborrights/deploy/varnish.vcl -s malloc,256m
# scale/run.sh (make test-scale) starts it with the backends moved to its own ports.

import directors;
import std;

backend instance1 {
    .host = "127.0.0.1";
    .port = "8081";
    .connect_timeout = 5s;
    .first_byte_timeout = 300s;
    .probe = { .url = "/"; .interval = 5s; .timeout = 2s; .window = 5; .threshold = 2; }
}

backend instance2 {
    .host = "127.0.0.1";
    .port = "8082";
    .connect_timeout = 5s;
    .first_byte_timeout = 300s;
    .probe = { .url = "/"; .interval = 5s; .timeout = 2s; .window = 5; .threshold = 2; }
}

# Who may purge: Plone's instances, on this host.
acl purge {
    "127.0.0.1";
    "localhost";
}

sub vcl_init {
    new zope = directors.round_robin();
    zope.add_backend(instance1);
    zope.add_backend(instance2);
    # Writes (filings, staff edits) to instance 1 while its probe is healthy, else to instance 2:
    # filings taken in turn by two instances conflict on Plone's catalog and intid trees (0.17–0.34
    # conflicts per filing, docs/performance.md "并发登记"); on one instance they take turns.
    new writer = directors.fallback();
    writer.add_backend(instance1);
    writer.add_backend(instance2);
}

sub vcl_recv {
    set req.backend_hint = zope.backend();

    if (req.method == "PURGE") {
        if (!client.ip ~ purge) {
            return (synth(405, "Not allowed."));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        set req.backend_hint = writer.backend();
        return (pass);
    }
    # Logged-in users (Basic auth, JWT): never from the cache.
    if (req.http.Authorization) {
        return (pass);
    }
    # Keep only the cookies Plone reads (login __ac and auth_token, Zope session, copy/paste,
    # status messages) and pass requests that still carry one; other cookies (statistics …) do
    # not change what Plone sends anonymous visitors: dropped, so that the page can be shared.
    if (req.http.Cookie) {
        set req.http.Cookie = ";" + req.http.Cookie;
        set req.http.Cookie = regsuball(req.http.Cookie, "; +", ";");
        set req.http.Cookie = regsuball(req.http.Cookie, ";(__ac|auth_token|_ZopeId|__cp|statusmessages)=", "; \1=");
        set req.http.Cookie = regsuball(req.http.Cookie, ";[^ ][^;]*", "");
        set req.http.Cookie = regsuball(req.http.Cookie, "^[; ]+|[; ]+$", "");
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        } else {
            return (pass);
        }
    }
    return (hash);
}

# One site behind this proxy: the cache key is the path, so that Plone's PURGE (sent to this
# proxy's address) reaches the page whatever Host the visitor used.
sub vcl_hash {
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_response {
    # Which instance answered, in Varnish's log (varnishlog -i VCL_Log): test-scale reads it.
    std.log("backend: " + beresp.backend.name);
    # A response that sets a cookie belongs to one visitor.
    if (beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Only what Plone marks for shared caches (s-maxage); everything private, no-store, no-cache
    # or without s-maxage goes to the visitor only.
    if (beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || beresp.http.Cache-Control !~ "s-maxage"
        || beresp.http.Vary == "*") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Keep a copy a little past its time while Zope is slow or restarting.
    set beresp.grace = 1h;
    return (deliver);
}

sub vcl_deliver {
    # The hit header test-scale and operators look at: HIT (with the number of hits) or MISS.
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
        set resp.http.X-Cache-Hits = obj.hits;
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
