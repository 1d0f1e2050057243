// Small pure pieces of the operations work (issue 14): route templates for metric labels, the
// metrics bearer token, CSV cells and the chart scale.
import { describe, expect, it } from 'vitest';
import { niceScale } from '@/components/charts';
import { CSV_BOM, toCsv } from '@/lib/csv';
import { bearerTokenMatches } from '@/lib/ops/bearer';
import { createRouteMatcher, UNMATCHED } from '@/lib/ops/route-templates';

describe('route templates', () => {
  // As in a build's routes-manifest.json.
  const match = createRouteMatcher({
    staticRoutes: [
      { page: '/', regex: '^/(?:/)?$' },
      { page: '/register', regex: '^/register(?:/)?$' },
      { page: '/api/health', regex: '^/api/health(?:/)?$' },
    ],
    dynamicRoutes: [
      { page: '/activate/[token]', regex: '^/activate/([^/]+?)(?:/)?$' },
      { page: '/admin/verifications/[id]', regex: '^/admin/verifications/([^/]+?)(?:/)?$' },
      { page: '/api/auth/[...nextauth]', regex: '^/api/auth/(.+?)(?:/)?$' },
    ],
  });

  it('labels a request by the template it was built from, never by the token or id in its path', () => {
    expect(match('/register')).toBe('/register');
    expect(match('/register?x=1')).toBe('/register');
    expect(match('/register/')).toBe('/register');
    expect(match('/activate/AbCdEf0123456789_-AbCdEf0123456789_-AbCdEf0')).toBe('/activate/[token]');
    expect(match('/admin/verifications/3f2a9c1e-0000-4000-8000-000000000000')).toBe('/admin/verifications/[id]');
    expect(match('/api/auth/callback/credentials')).toBe('/api/auth/[...nextauth]');
    expect(match('/')).toBe('/');
  });

  it('puts static files and unknown paths under a few fixed labels', () => {
    expect(match('/_next/static/chunks/abc123.js')).toBe('/_next/static');
    expect(match('/wp-admin/install.php')).toBe(UNMATCHED);
    expect(match('/jan.kowalski@example.pl')).toBe(UNMATCHED);
  });
});

describe('the metrics bearer token', () => {
  const token = 'metrics-token-0123456789';
  it('accepts exactly the configured token', () => {
    expect(bearerTokenMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerTokenMatches(`bearer ${token}`, token)).toBe(true);
  });
  it('refuses a missing, different, longer, shorter or non-bearer credential', () => {
    for (const header of [
      null,
      '',
      'Bearer',
      'Bearer ',
      `Bearer ${token}x`,
      `Bearer ${token.slice(0, -1)}`,
      `Basic ${token}`,
      token,
      `Bearer ${token} extra`,
    ]) {
      expect(bearerTokenMatches(header, token), String(header)).toBe(false);
    }
  });
});

describe('CSV cells', () => {
  const HEAD = `${CSV_BOM}x\r\n`;
  /** One cell as toCsv writes it, without the header and the line end around it. */
  const cell = (value: unknown) => {
    const document = toCsv(['x'], [[value]]);
    expect(document.startsWith(HEAD) && document.endsWith('\r\n')).toBe(true);
    return document.slice(HEAD.length, -2);
  };
  it('defuse anything a spreadsheet would run as a formula', () => {
    expect(cell('=1+1')).toBe("'=1+1");
    expect(cell('+48600100200')).toBe("'+48600100200");
    expect(cell('-5')).toBe("'-5");
    expect(cell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(cell('\tx')).toBe("'\tx");
    expect(cell('\rx')).toBe(`"'\rx"`);
    expect(cell('＝1+1')).toBe("'＝1+1");
    expect(cell('=HYPERLINK("a";"b")')).toBe(`"'=HYPERLINK(""a"";""b"")"`);
  });
  it('leave numbers as numbers: a negative number is not a formula', () => {
    expect(cell(-5)).toBe('-5');
    expect(cell(42)).toBe('42');
  });
  it('quote separators, quotes and line breaks, and leave plain text alone', () => {
    expect(cell('Kowalska; Anna')).toBe('"Kowalska; Anna"');
    expect(cell('a\nb')).toBe('"a\nb"');
    expect(cell('Łęczna')).toBe('Łęczna');
    expect(cell(null)).toBe('');
    expect(cell(undefined)).toBe('');
    expect(cell(true)).toBe('true');
    expect(cell(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
  });
  it('writes a BOM, a header and CRLF lines', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('\uFEFFa;b\r\n1;x\r\n');
    expect(toCsv(['a'], [])).toBe('\uFEFFa\r\n');
  });
});

describe('chart scale', () => {
  it('rounds the axis up to a readable step', () => {
    expect(niceScale(0)).toEqual({ max: 4, step: 1 });
    expect(niceScale(3)).toEqual({ max: 3, step: 1 });
    expect(niceScale(23)).toEqual({ max: 30, step: 10 });
    expect(niceScale(19)).toEqual({ max: 20, step: 5 });
    expect(niceScale(170)).toEqual({ max: 200, step: 50 });
  });
});
