// Lighthouse (mobile profile: simulated slow 4G, 4x CPU) on each page given on stdin as JSON
// lines {"page", "url"}, one headless Chromium for all, storage and cache cleared before each
// page (a first visit). Prints one JSON line per page with its figures; LH_REQUESTS=1 adds the
// list of requests. Requests count network requests, not data: URLs.
// Usage: node run.mjs < pages.jsonl   (CHROME_PATH: the browser, default /usr/bin/chromium)
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { readFileSync } from 'node:fs';

const pages = readFileSync(0, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const { page, url } of pages) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      ignoreStatusCode: true, // the 404 page is measured too
    });
    const { categories, audits } = result.lhr;
    // Network requests: data: URLs (the theme's inline SVG icons) cost no round trip.
    const requests = (audits['network-requests'].details?.items ?? []).filter((r) => !r.url.startsWith('data:'));
    console.log(JSON.stringify({
      page,
      url,
      status: requests.find((r) => r.resourceType === 'Document')?.statusCode ?? null,
      performance: Math.round((categories.performance.score ?? 0) * 100),
      accessibility: Math.round((categories.accessibility.score ?? 0) * 100),
      transferred: audits['total-byte-weight'].numericValue,
      requests: requests.length,
      fcp: audits['first-contentful-paint'].numericValue,
      lcp: audits['largest-contentful-paint'].numericValue,
      tbt: audits['total-blocking-time'].numericValue,
      cls: audits['cumulative-layout-shift'].numericValue,
      failedAccessibility: Object.values(audits)
        .filter((a) => categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0) && a.score === 0)
        .map((a) => a.id),
      runtimeError: result.lhr.runtimeError?.code ?? null,
      ...(process.env.LH_REQUESTS ? { urls: requests.map((r) => `${r.transferSize} ${r.url}`) } : {}),
    }));
  }
} finally {
  await chrome.kill();
}
