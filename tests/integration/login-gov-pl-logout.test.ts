// Single logout (README, WK_LOGOUT_URL): right after the node's answer is accepted, the service
// ends the person's session at the node with a signed SOAP LogoutRequest, after the browser has
// its answer; a node that refuses or is down changes nothing for the person.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { STATUS } from '@/lib/login-gov-pl/messages';
import { createArtifact } from '@/lib/login-gov-pl/simulated-node';
import { endNodeSession, receiveArtifact, startRequest, type SoapTransport } from '@/lib/wk/identity-node';
import { newRegistrar, verifiedPatient } from '../helpers/accounts';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { asNode, config, configWithLogout, NODE_ID, playNode } from '../helpers/login-gov-pl-node';

describeEachDatabase('login.gov.pl single logout', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());
  const db = () => database.db;

  /** A sign-in through the node; the deferred work is collected, not run, until the test says so. */
  async function signInThroughNode(node: ReturnType<typeof playNode>, wkConfig = configWithLogout) {
    const patient = await verifiedPatient(db(), await newRegistrar(db()));
    const started = await startRequest(db(), wkConfig, 'login', null);
    const artifact = node.answer(started.requestId, asNode(patient.data));
    const deferred: (() => Promise<unknown>)[] = [];
    const outcome = await receiveArtifact(
      db(),
      wkConfig,
      { samlArt: artifact, browserRequestId: started.requestId },
      node.transport,
      new Date(),
      (task) => deferred.push(task),
    );
    return { outcome, deferred, artifact, requestId: started.requestId };
  }

  it('ends the node’s session after the answer: a LogoutRequest signed by the service, for the assertion’s NameID and SessionIndex', async () => {
    const node = playNode();
    const { outcome, deferred } = await signInThroughNode(node);
    expect(outcome.kind).toBe('signed-in');
    // Nothing was sent before the browser had its answer.
    expect(node.logouts).toHaveLength(0);
    expect(deferred).toHaveLength(1);
    expect(await deferred[0]!()).toBe('ended');
    expect(node.logouts).toHaveLength(1);
    expect(node.logouts[0]).toMatchObject({ issuer: config.spEntityId, nameId: expect.stringMatching(/\S/) });
    expect(node.logouts[0]!.sessionIndex).toMatch(/\S/);
  });

  it('changes nothing for the person when the node refuses the logout or cannot be reached, and reports the failure', async () => {
    const refusing = playNode({ logoutStatus: STATUS.responder });
    const refused = await signInThroughNode(refusing);
    expect(refused.outcome.kind).toBe('signed-in');
    expect(await refused.deferred[0]!()).toBe('failed');
    expect(refusing.logouts).toHaveLength(1);

    const down: SoapTransport = () => Promise.reject(new Error('connection refused'));
    expect(await endNodeSession(configWithLogout, { nameId: 'someone', sessionIndex: null }, down)).toBe('failed');
  });

  it('refuses a LogoutResponse changed after the node signed it', async () => {
    const node = playNode();
    const impostor: SoapTransport = async (url, body) => {
      const genuine = await node.transport(url, body);
      // The answer's signature no longer covers what it says.
      return genuine.replace(STATUS.success, STATUS.requester);
    };
    expect(await endNodeSession(configWithLogout, { nameId: 'someone', sessionIndex: 'idx' }, impostor)).toBe('failed');
  });

  it('sends nothing without WK_LOGOUT_URL, for a replayed artifact, or for an answer that was refused', async () => {
    const node = playNode();
    const plain = await signInThroughNode(node, config);
    expect(plain.outcome.kind).toBe('signed-in');
    for (const task of plain.deferred) expect(await task()).toBe('skipped');

    const first = await signInThroughNode(node);
    const replay = await startRequest(db(), configWithLogout, 'login', null);
    const deferred: (() => Promise<unknown>)[] = [];
    const again = await receiveArtifact(
      db(),
      configWithLogout,
      { samlArt: first.artifact, browserRequestId: replay.requestId },
      node.transport,
      new Date(),
      (task) => deferred.push(task),
    );
    expect(again).toMatchObject({ kind: 'refused', reason: 'artifact_reused' });
    const cancelled = await startRequest(db(), configWithLogout, 'login', null);
    const cancelledArtifact = node.answer(cancelled.requestId, null);
    expect(
      await receiveArtifact(
        db(),
        configWithLogout,
        { samlArt: cancelledArtifact, browserRequestId: cancelled.requestId },
        node.transport,
        new Date(),
        (task) => deferred.push(task),
      ),
    ).toMatchObject({ kind: 'refused', reason: 'cancelled' });
    expect(
      await receiveArtifact(db(), configWithLogout, { samlArt: createArtifact(NODE_ID), browserRequestId: undefined }, node.transport),
    ).toMatchObject({
      kind: 'refused',
    });
    expect(deferred).toHaveLength(0);
    expect(node.logouts).toHaveLength(0);
  });
});
