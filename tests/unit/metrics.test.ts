// The metrics registry (lib/metrics.ts) and the Grafana dashboard built on it
// (ops/grafana/e-rejestracja-dashboard.json): every metric a panel queries exists, and no label
// can carry what a person typed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Histogram, Summary } from 'prom-client';
import { countDeliveryAttempt, countRateLimitRefusal, countRegistration, countSignIn, metrics, observeHttpRequest } from '@/lib/metrics';

const dashboard = JSON.parse(readFileSync('ops/grafana/e-rejestracja-dashboard.json', 'utf8')) as {
  panels: Array<{ title: string; type: string; targets?: Array<{ expr: string }> }>;
  templating: { list: Array<{ query?: unknown }> };
};

/** The metric names a PromQL expression reads (ours and Node's defaults). */
function metricNames(expr: string): string[] {
  return [...expr.matchAll(/\b((?:erejestracja|process|nodejs)_[a-z0-9_]+)\b/g)].map((m) => m[1]!);
}

// Names only: listing does not collect, so the database-backed gauges are not read here.
function registeredNames(): Set<string> {
  const names = new Set<string>();
  for (const metric of metrics().registry.getMetricsAsArray()) {
    const name = (metric as unknown as { name: string }).name;
    names.add(name);
    if (metric instanceof Histogram) for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
    if (metric instanceof Summary) for (const suffix of ['_sum', '_count']) names.add(name + suffix);
  }
  return names;
}

describe('the Grafana dashboard', () => {
  const queries = [
    ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ where: p.title, expr: t.expr }))),
    ...dashboard.templating.list.filter((v) => typeof v.query === 'string').map((v) => ({ where: 'templating', expr: v.query as string })),
  ];

  it('queries something in every panel that is not a row', () => {
    for (const panel of dashboard.panels.filter((p) => p.type !== 'row')) {
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets ?? [])
        expect(metricNames(target.expr).length, `${panel.title}: ${target.expr}`).toBeGreaterThan(0);
    }
  });

  it('uses only metric names that exist in the registry', async () => {
    const known = registeredNames();
    const used = new Set(queries.flatMap((q) => metricNames(q.expr)));
    expect(used.size).toBeGreaterThan(10);
    for (const name of used) expect(known.has(name), `${name} is used by the dashboard but not registered`).toBe(true);
  });

  it('covers every metric of our own', async () => {
    const used = new Set(queries.flatMap((q) => metricNames(q.expr)).map((n) => n.replace(/_(bucket|sum|count)$/, '')));
    const ours = [...registeredNames()].filter((n) => n.startsWith('erejestracja_') && !/_(bucket|sum|count)$/.test(n));
    for (const name of ours) expect(used.has(name), `${name} is on no panel`).toBe(true);
  });
});

describe('metric labels', () => {
  it('count fixed outcomes, and anything else as "other", never the value itself', async () => {
    const email = 'jan.kowalski@example.pl';
    countRegistration('registered');
    countRegistration(email);
    countSignIn({ status: 'complete' });
    countSignIn({ status: 'refused', reason: 'limited' });
    countSignIn({ status: 'refused', reason: 'invalid' }, 'code');
    countSignIn({ status: 'refused', reason: '44051401359' });
    countRateLimitRefusal('register');
    countRateLimitRefusal(email);
    countDeliveryAttempt({ ok: false, permanent: true });
    observeHttpRequest('GET', '/activate/[token]', '200', 0.02);
    const { registry } = metrics();
    const names = [
      'erejestracja_registrations_total',
      'erejestracja_sign_ins_total',
      'erejestracja_rate_limit_refusals_total',
      'erejestracja_email_delivery_attempts_total',
      'erejestracja_http_request_duration_seconds',
    ];
    const text = (await Promise.all(names.map((n) => registry.getSingleMetricAsString(n)))).join('\n');
    expect(text).toMatch(/erejestracja_registrations_total\{outcome="registered"\} [1-9]/);
    expect(text).toMatch(/erejestracja_registrations_total\{outcome="other"\} [1-9]/);
    expect(text).toMatch(/erejestracja_sign_ins_total\{outcome="limited"\} [1-9]/);
    expect(text).toMatch(/erejestracja_sign_ins_total\{outcome="success"\} [1-9]/);
    expect(text).toMatch(/erejestracja_sign_ins_total\{outcome="code_invalid"\} [1-9]/);
    expect(text).toMatch(/erejestracja_rate_limit_refusals_total\{limit="register"\} [1-9]/);
    expect(text).toMatch(/erejestracja_email_delivery_attempts_total\{result="permanent_error"\} [1-9]/);
    expect(text).not.toContain(email);
    expect(text).not.toContain('44051401359');
  });

  it('is one registry per process, shared through globalThis', async () => {
    const again = await import('@/lib/metrics');
    expect(again.metrics()).toBe(metrics());
    expect((globalThis as { __erejestracjaMetrics?: unknown }).__erejestracjaMetrics).toBe(metrics());
  });
});
