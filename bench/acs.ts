// The return from login.gov.pl (issue 24): our side of the ACS request — everything but the
// artifact resolution at the node — for patients signing in through a stub node on 127.0.0.1.
//   npm run bench:acs [-- --seconds=12 --levels=1,2,4 --no-write]
//
// The production server (bench/lib/server.ts) is configured with WK_* for the e2e tests' stub of
// the node (tests/e2e/support/wk-stub-node.ts: HTTPS, signed SOAP, encrypted assertions), and each
// patient goes the whole way over HTTP: POST /api/wk/start → the node's SSO (which answers at once
// with the artifact) → GET /api/wk/acs?SAMLart=…, the request timed. The ACS says in its
// Server-Timing how long the node took to resolve the artifact (measured around the SOAP call);
// our side is the rest. Afterwards the same return runs in this process, without HTTP, to say
// where our time goes: signing the ArtifactResolve, reading the answer (parse, two signatures,
// decryption) and the database.
import https from 'node:https';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { openDatabase } from '@/db/client';
import { buildArtifactResolve, generateP256KeyPair, newMessageId, readArtifactResponse } from '@/lib/login-gov-pl';
import { decryptEncryptedAssertion } from '@/lib/login-gov-pl/encryption';
import { verifyEnvelopedSignature } from '@/lib/login-gov-pl/signature';
import { childElements, parseXml } from '@/lib/login-gov-pl/xml';
import type { WkConfig } from '@/lib/wk/config';
import { receiveArtifact, startRequest } from '@/lib/wk/identity-node';
import { WK_REQUEST_COOKIE } from '@/lib/wk/request-cookie';
import { startStubNode, type StubNode, type StubPerson } from '../tests/e2e/support/wk-stub-node';
import { onExit, seedPatients } from './lib/db';
import { parseForm } from './lib/forms';
import { request } from './lib/http';
import { clientAddress, runLevels } from './lib/load';
import { publish } from './lib/report';
import { bench, main } from './lib/run';
import { freePort, startServer } from './lib/server';
import { cpuCells, fmt, summarize, table, type RunStats } from './lib/stats';

const PATIENTS = 5000;
const GOAL_P95_MS = 30;
const IN_PROCESS_RUNS = 200;

/** Seeded patient `i` (bench/lib/db.ts seedPatients) as the node knows them. */
function person(i: number): StubPerson {
  const birth = new Date(Date.UTC(1950, 0, 1) + (i % 20000) * 86_400_000);
  return {
    pesel: String(i).padStart(11, '0'),
    firstName: 'Jan',
    lastName: `Nazwisko${i % 50000}`,
    birthDate: birth.toISOString().slice(0, 10),
  };
}

/** One patient's way to the node: the start page's form, and the node's redirect to our ACS with the artifact. */
async function toTheNode(appUrl: string, stub: StubNode, agent: https.Agent, n: number) {
  const ip = clientAddress(n);
  const start = await request(`${appUrl}/api/wk/start`, {
    method: 'POST',
    body: 'purpose=login',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: appUrl, 'x-forwarded-for': ip, accept: 'text/html' },
  });
  if (start.status !== 200) throw new Error(`POST /api/wk/start: ${start.status}`);
  const cookie = [start.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith(`${WK_REQUEST_COOKIE}=`));
  if (!cookie) throw new Error('POST /api/wk/start set no request cookie');
  const form = parseForm(start.body, `${appUrl}/api/wk/start`);
  stub.answerNextWith(person((n % PATIENTS) + 1));
  const sso = await request(form.action, {
    method: 'POST',
    agent,
    body: new URLSearchParams(form.fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const acsUrl = sso.headers.location;
  if (sso.status !== 303 || !acsUrl) throw new Error(`the node's SSO: ${sso.status} ${sso.body.slice(0, 200)}`);
  return { ip, cookie: cookie.split(';')[0]!, acsUrl };
}

interface Sample {
  total: number;
  resolve: number;
}

/** The whole return of patient `n`; the ACS request's time and the node's share of it. */
async function signIn(appUrl: string, stub: StubNode, agent: https.Agent, n: number): Promise<Sample> {
  const { ip, cookie, acsUrl } = await toTheNode(appUrl, stub, agent, n);
  const t0 = performance.now();
  const acs = await request(acsUrl, { headers: { cookie, 'x-forwarded-for': ip, accept: 'text/html' } });
  const total = performance.now() - t0;
  if (acs.status !== 303 || acs.headers.location !== '/account')
    throw new Error(`ACS: ${acs.status} ${acs.headers.location ?? acs.body.slice(0, 300)}`);
  const resolve = /wk-resolve;dur=([\d.]+)/.exec(String(acs.headers['server-timing'] ?? ''))?.[1];
  if (resolve === undefined) throw new Error('ACS answered without its Server-Timing');
  return { total, resolve: Number(resolve) };
}

const median = (values: number[]) => summarize(values, 0, 1).p50;

/**
 * The same return in this process (no HTTP, no Next): receiveArtifact on the bench database with
 * the server's keys, the node's answer captured on the way, then its pieces timed on that answer.
 * Medians in ms of `runs` sequential returns.
 */
async function whereTheTimeGoes(databaseUrl: string, config: WkConfig, stub: StubNode, agent: https.Agent, runs: number) {
  const database = await openDatabase({ url: databaseUrl, max: 10 });
  const parts = {
    ours: [] as number[],
    sign: [] as number[],
    read: [] as number[],
    parse: [] as number[],
    signatures: [] as number[],
    decrypt: [] as number[],
  };
  try {
    for (let i = 0; i < runs; i++) {
      const started = await startRequest(database.db, config, 'login', null);
      stub.answerNextWith(person((i % PATIENTS) + 1));
      const sso = await request(config.ssoUrl, {
        method: 'POST',
        agent,
        body: new URLSearchParams({ SAMLRequest: started.samlRequest }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      const samlArt = new URL(sso.headers.location!).searchParams.get('SAMLart')!;
      let soap = '';
      let resolveMs = 0;
      const transport = async (url: string, body: string) => {
        const t0 = performance.now();
        const answer = await request(url, { method: 'POST', agent, body, headers: { 'content-type': 'text/xml; charset=utf-8' } });
        resolveMs = performance.now() - t0;
        return (soap = answer.body);
      };
      const t0 = performance.now();
      const outcome = await receiveArtifact(database.db, config, { samlArt, browserRequestId: started.requestId }, transport);
      parts.ours.push(performance.now() - t0 - resolveMs);
      if (outcome.kind !== 'signed-in') throw new Error(`in-process return: ${outcome.kind}`);

      // The pieces, again on the same answer (it verifies at any time; `now` is when it came).
      let t = performance.now();
      buildArtifactResolve({
        id: newMessageId(),
        issueInstant: new Date(),
        destination: config.artifactUrl,
        spEntityId: config.spEntityId,
        artifact: samlArt,
        signingKeyPem: config.signingKey,
        signingCertPem: config.signingCert,
      });
      parts.sign.push(performance.now() - t);
      t = performance.now();
      readArtifactResponse(soap, {
        idpCert: config.idpCert,
        idpEntityId: config.idpEntityId,
        spEntityId: config.spEntityId,
        acsUrl: config.acsUrl,
        spEncryptionKeyPem: config.encryptionKey,
        minimumLoa: config.loa,
        now: new Date(),
      });
      parts.read.push(performance.now() - t);
      t = performance.now();
      const doc = parseXml(soap);
      parts.parse.push(performance.now() - t);
      const artifactResponse = childElements(childElements(doc.documentElement!).at(-1)!)[0]!;
      const response = childElements(artifactResponse)[3]!;
      t = performance.now();
      verifyEnvelopedSignature(doc, artifactResponse, config.idpCert);
      verifyEnvelopedSignature(doc, response, config.idpCert);
      parts.signatures.push(performance.now() - t);
      t = performance.now();
      decryptEncryptedAssertion(childElements(response)[3]!, config.encryptionKey);
      parts.decrypt.push(performance.now() - t);
    }
  } finally {
    await database.close();
  }
  const m = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, median(v.slice(Math.floor(runs / 10)))])) as Record<
    keyof typeof parts,
    number
  >;
  return { ...m, rest: m.ours - m.sign - m.read };
}

main(() =>
  bench(
    'bench:acs',
    async (options, database) => {
      await seedPatients(database.url, 1, PATIENTS);
      const sql = postgres(database.url, { max: 1, onnotice: () => {} });
      await sql`update web_accounts set activated_at = now()`; // verified and activated: login.gov.pl signs them in
      await sql.end();

      const signing = generateP256KeyPair('E-Rejestracja bench signing');
      const encryption = generateP256KeyPair('E-Rejestracja bench encryption');
      const stub = await startStubNode({
        spSigningCertPem: signing.certificatePem,
        spEncryptionCertPem: encryption.certificatePem,
        people: [person(1)],
      });
      const caFolder = mkdtempSync(path.join(tmpdir(), 'erej-bench-acs-'));
      const cleanFolder = async () => rmSync(caFolder, { recursive: true, force: true });
      onExit(cleanFolder);
      const caFile = path.join(caFolder, 'stub-ca.pem');
      writeFileSync(caFile, stub.tlsCaPem);
      const agent = new https.Agent({ keepAlive: true, maxSockets: 64, ca: stub.tlsCaPem });
      const port = await freePort();
      const appUrl = `http://127.0.0.1:${port}`;
      const server = await startServer(port, database.url, {
        env: {
          NODE_EXTRA_CA_CERTS: caFile,
          WK_SSO_URL: stub.ssoUrl,
          WK_ARTIFACT_URL: stub.artifactUrl,
          WK_IDP_ENTITY_ID: stub.entityId,
          WK_IDP_CERT: stub.idpCertPem,
          WK_SP_SIGNING_KEY: signing.privateKeyPem,
          WK_SP_SIGNING_CERT: signing.certificatePem,
          WK_SP_ENCRYPTION_KEY: encryption.privateKeyPem,
          WK_SP_ENCRYPTION_CERT: encryption.certificatePem,
        },
      });
      try {
        console.log('login.gov.pl return over HTTP (start → node → ACS), our side of the ACS:');
        const levels = new Map<number, { stats: RunStats; total: RunStats; resolve: RunStats }>();
        for (const [i, c] of options.levels.entries()) {
          const samples: Sample[] = [];
          const stats = (
            await runLevels(
              [c],
              options.seconds,
              async (n) => {
                const sample = await signIn(appUrl, stub, agent, n);
                samples.push(sample);
                return sample.total - sample.resolve;
              },
              { label: 'our side ', serverPid: server.pid, warmupSeconds: i === 0 ? 3 : 0 },
            )
          ).get(c)!;
          // The warm-up's samples went in too: only the level's own count (the last ones).
          const own = samples.slice(-stats.count);
          const total = summarize(
            own.map((s) => s.total),
            0,
            stats.seconds,
          );
          const resolve = summarize(
            own.map((s) => s.resolve),
            0,
            stats.seconds,
          );
          console.log(
            `    whole ACS request p50 ${fmt(total.p50)} ms, p95 ${fmt(total.p95)} ms; the node's resolve p50 ${fmt(resolve.p50)} ms, p95 ${fmt(resolve.p95)} ms`,
          );
          levels.set(c, { stats, total, resolve });
        }
        await server.stop();

        console.log(`The same return in this process, ${IN_PROCESS_RUNS} in a row:`);
        const config: WkConfig = {
          ssoUrl: stub.ssoUrl,
          artifactUrl: stub.artifactUrl,
          logoutUrl: null,
          idpEntityId: stub.entityId,
          idpCert: stub.idpCertPem,
          spEntityId: appUrl,
          acsUrl: `${appUrl}/api/wk/acs`,
          signingKey: signing.privateKeyPem,
          signingCert: signing.certificatePem,
          encryptionKey: encryption.privateKeyPem,
          encryptionCert: encryption.certificatePem,
          loa: 'substantial',
          simulator: null,
        };
        const parts = await whereTheTimeGoes(database.url, config, stub, agent, IN_PROCESS_RUNS);
        console.log(
          `  ${Object.entries(parts)
            .map(([k, v]) => `${k} ${fmt(v, 2)}`)
            .join(', ')} (ms, medians)`,
        );

        const c1 = levels.get(options.levels[0]!)!;
        const rows = options.levels.map((c) => {
          const { stats, total, resolve } = levels.get(c)!;
          const [server, loop, postgres, client] = cpuCells(stats);
          return [
            String(c),
            fmt(stats.rps),
            fmt(stats.p50),
            fmt(stats.p95),
            stats.p95 <= GOAL_P95_MS ? 'yes' : 'no',
            fmt(total.p50),
            fmt(total.p95),
            fmt(resolve.p50),
            server!,
            loop!,
            postgres!,
            client!,
          ];
        });
        publish(
          {
            id: 'acs',
            title: 'The return from login.gov.pl: our side of the ACS (issue 24)',
            command: 'npm run bench:acs',
            body: [
              `${PATIENTS.toLocaleString('en')} seeded patients with verified, activated accounts sign in through login.gov.pl, played by`,
              `the e2e tests' stub node on 127.0.0.1 (HTTPS, signed SOAP, encrypted assertions; it answers`,
              `the SSO at once), over HTTP as a browser would: POST /api/wk/start, the node's SSO, then`,
              `GET /api/wk/acs with the artifact and the request cookie, each patient from its own address.`,
              `Our side: the ACS request's time less the artifact resolution (the SOAP call to the node, as`,
              `the ACS itself measures it and reports in Server-Timing). Goal: p95 ≤ ${GOAL_P95_MS} ms. Times in ms;`,
              `CPU milliseconds per return (start + ACS) of the server, its event loop, PostgreSQL and this`,
              `bench process with the stub node.`,
              '',
              table(
                [
                  'concurrency',
                  'returns/s',
                  'our side p50',
                  'our side p95',
                  `≤ ${GOAL_P95_MS} ms?`,
                  'whole ACS p50',
                  'whole ACS p95',
                  'resolve p50',
                  'CPU: server',
                  'event loop',
                  'PostgreSQL',
                  'bench + stub',
                ],
                rows,
              ),
              '',
              `Where our side goes: the same return run ${IN_PROCESS_RUNS} times in a row in the bench process`,
              `(receiveArtifact on the same database, no HTTP, no Next), its pieces timed again on each`,
              `answer it got; medians in ms.`,
              '',
              table(
                ['part', 'ms'],
                [
                  ['signing the ArtifactResolve (exclusive C14N, ECDSA P-256)', fmt(parts.sign, 2)],
                  ['reading the answer: all of readArtifactResponse', fmt(parts.read, 2)],
                  ['… of which parsing the SOAP XML', fmt(parts.parse, 2)],
                  ['… of which checking the two signatures (C14N, SHA-256, ECDSA)', fmt(parts.signatures, 2)],
                  ['… of which decrypting the assertion (ECDH-ES, key unwrap, AES-GCM)', fmt(parts.decrypt, 2)],
                  ['the database and the rest (request, two nonces, account, session, audit)', fmt(parts.rest, 2)],
                  ['our side in this process, without HTTP and Next', fmt(parts.ours, 2)],
                  [`our side over HTTP at c=${options.levels[0]} (above)`, fmt(c1.stats.p50)],
                ],
              ),
            ].join('\n'),
          },
          options.seconds,
          options.write,
        );
      } finally {
        await server.stop();
        await stub.stop();
        agent.destroy();
        await cleanFolder();
      }
    },
    { levels: '1,2,4' },
  ),
);
