// The deployment files agree with what CI runs (issue 14). No container engine runs here, so CI
// starts the standalone build as the Dockerfile's CMD does (`node server.js` in the standalone
// folder, tests/e2e/standalone.ts) — these checks keep the files and that command from drifting.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (file: string) => readFileSync(file, 'utf8');

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const final = stages.at(-1)!;

  it('builds in one stage and runs from Node 20 slim in another', () => {
    expect(stages).toHaveLength(2);
    for (const stage of stages) expect(stage).toMatch(/^node:20-slim\b/);
  });

  it('puts only the standalone output into the final image, runs it unprivileged and checks /api/health', () => {
    const copies = final.match(/^COPY .*$/gm) ?? [];
    expect(copies).toEqual(['COPY --from=build /src/.next/standalone ./']);
    expect(final).toMatch(/^USER node$/m);
    expect(final).toMatch(/^HEALTHCHECK [\s\S]*\/api\/health/m);
    expect(final).toMatch(/HOSTNAME=0\.0\.0\.0/);
  });

  it('starts `node server.js`, as the e2e servers and npm run start:standalone do', () => {
    expect(final).toMatch(/^CMD \["node", "server\.js"\]$/m);
    expect(read('tests/e2e/standalone.ts')).toContain('spawn(process.execPath, [script], {\n    cwd: STANDALONE_DIR');
    expect(read('scripts/start-standalone.mjs')).toContain("path.join(folder, 'server.js')");
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['start:standalone']).toBe('node scripts/start-standalone.mjs');
    expect(scripts.postbuild).toBe('tsx scripts/prepare-standalone.ts');
    expect(scripts.start).toBe('next start');
  });
});

describe('compose.yaml', () => {
  const compose = read('compose.yaml');
  it('runs PostgreSQL 17 with a volume, the app, the bundled mail worker and nginx with the tested configuration', () => {
    expect(compose).toMatch(/image: postgres:17\n/);
    expect(compose).toMatch(/- pgdata:\/var\/lib\/postgresql\/data/);
    expect(compose).toMatch(/command: \["node", "mail-worker\.mjs"\]/);
    expect(compose).toContain('./ops/nginx/e-rejestracja.conf:/etc/nginx/conf.d/default.conf:ro');
    expect(existsSync('ops/nginx/e-rejestracja.conf')).toBe(true);
    // The tested configuration proxies to 127.0.0.1:3000: nginx shares the app's network.
    expect(read('ops/nginx/e-rejestracja.conf')).toContain('server 127.0.0.1:3000;');
    expect(compose).toContain('network_mode: "service:app"');
  });
});

describe('systemd units', () => {
  it('run the standalone server and the bundled worker with the environment file, and give the drain time', () => {
    const app = read('ops/systemd/e-rejestracja@.service');
    expect(app).toMatch(/^ExecStart=\/usr\/bin\/node server\.js$/m);
    expect(app).toMatch(/^EnvironmentFile=\/etc\/e-rejestracja\/e-rejestracja\.env$/m);
    expect(app).toMatch(/^Environment=NODE_ENV=production PORT=%i HOSTNAME=127\.0\.0\.1$/m);
    const worker = read('ops/systemd/e-rejestracja-mail-worker.service');
    expect(worker).toMatch(/^ExecStart=\/usr\/bin\/node mail-worker\.mjs$/m);
    for (const unit of [app, worker]) {
      const stop = Number(/^TimeoutStopSec=(\d+)$/m.exec(unit)?.[1]);
      expect(stop * 1000).toBeGreaterThan(25_000); // SHUTDOWN_TIMEOUT_MS default
    }
    expect(existsSync('ops/systemd/e-rejestracja.env.example')).toBe(true);
  });
});
