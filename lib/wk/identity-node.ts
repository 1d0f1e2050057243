// The three uses of login.gov.pl (SPEC §17): sign in, register, verify. A use starts with a
// signed AuthnRequest remembered in wk_requests; it ends at our ACS with an artifact, resolved
// over a signed SOAP request, whose answer the protocol library (lib/login-gov-pl) verifies and
// decrypts. Each artifact, request and assertion counts once, on every instance (PostgreSQL).
// Every refusal has a reason code for the log and the audit, never personal data
// (./outcomes.ts); a registration's identity waits in ./held-identity.ts.
import { createHash } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, patients, webAccounts, wkRequests, type WkPurpose } from '@/db/schema';
import { markIdentityVerified } from '@/lib/account/verify-identity';
import { AMR, identityLevelOf } from '@/lib/auth/assurance';
import { grantSession } from '@/lib/auth/sign-in-flow';
import {
  buildArtifactResolve,
  buildAuthnRequest,
  buildLogoutRequest,
  encodeSamlRequest,
  isWkRefusal,
  newMessageId,
  readArtifact,
  readArtifactResponse,
  readLogoutResponse,
  type WkIdentity,
} from '@/lib/login-gov-pl';
import { logError, logInfo } from '@/lib/log';
import { countIdentityNode } from '@/lib/metrics';
import { spendNonce } from '@/lib/security/used-nonces';
import { nameKey } from '@/lib/text';
import type { WkConfig } from './config';
import { holdForRegistration, type NodeIdentity } from './held-identity';
import { refused, type WkOutcome } from './outcomes';
import { readAccountWithPatient, selectAccountsWithPatients } from '@/lib/account/account-with-patient';

/** How long a started sign-in may take at the node (a bank's sign-in included). */
export const REQUEST_TTL_MS = 30 * 60_000;

/** Sends a SOAP body to the node and returns its answer (tests give their own; see soap-transport.ts). */
export type SoapTransport = (url: string, body: string) => Promise<string>;

/** The auto-submitted form's content: where to post the signed AuthnRequest. */
export interface StartedRequest {
  requestId: string;
  action: string;
  samlRequest: string;
}

/** Starts one use: a signed AuthnRequest, remembered so that only its answer is accepted, once. */
export async function startRequest(
  db: Db,
  config: WkConfig,
  purpose: WkPurpose,
  accountId: string | null,
  now = new Date(),
): Promise<StartedRequest> {
  const id = newMessageId();
  await db.insert(wkRequests).values({ id, purpose, accountId, createdAt: now, expiresAt: new Date(now.getTime() + REQUEST_TTL_MS) });
  const xml = buildAuthnRequest({
    id,
    issueInstant: now,
    destination: config.ssoUrl,
    acsUrl: config.acsUrl,
    spEntityId: config.spEntityId,
    loa: config.loa,
    signingKeyPem: config.signingKey,
    signingCertPem: config.signingCert,
  });
  return { requestId: id, action: config.ssoUrl, samlRequest: encodeSamlRequest(xml) };
}

/** Runs work after the browser has its answer (the ACS route passes Next's `after`). */
export type Deferred = (task: () => Promise<unknown>) => void;

/** The browser returns from the node with an artifact: resolve it, check it and act on it. */
export async function receiveArtifact(
  db: Db,
  config: WkConfig,
  answer: { samlArt: unknown; browserRequestId: string | undefined },
  transport: SoapTransport,
  now = new Date(),
  deferred: Deferred = (task) => void task(),
): Promise<WkOutcome> {
  const { samlArt, browserRequestId } = answer;
  // Nothing reaches the node unless this browser started a request that is still open: an
  // artifact alone (a script, a cross-site link) costs one look-up, no signature, no SOAP call.
  const [started] =
    typeof browserRequestId === 'string' && browserRequestId.length <= 128
      ? await db
          .select({ purpose: wkRequests.purpose })
          .from(wkRequests)
          .where(and(eq(wkRequests.id, browserRequestId), isNull(wkRequests.answeredAt), gt(wkRequests.expiresAt, now)))
      : [];
  if (!started) {
    countIdentityNode('other', 'refused');
    logInfo('login.gov.pl answer refused', { reason: 'request_unknown', purpose: 'unknown' });
    return { kind: 'refused', reason: 'request_unknown', purpose: null };
  }
  const purpose = started.purpose;
  let identity: WkIdentity;
  try {
    if (typeof samlArt !== 'string') return await refused(db, 'malformed', purpose);
    const artifact = readArtifact(samlArt);
    // Issued by the node we know (SAML bindings 3.6.4: SourceID is SHA-1 of its entity ID).
    if (!artifact.sourceId.equals(createHash('sha1').update(config.idpEntityId, 'utf8').digest())) {
      return await refused(db, 'issuer', purpose);
    }
    // Spent before it is resolved (by its bytes, however it is written): a second arrival of the
    // same artifact never reaches the node.
    const key = Buffer.from(samlArt, 'base64').toString('base64');
    if (!(await spendNonce(db, 'wk.artifact', key, new Date(now.getTime() + REQUEST_TTL_MS)))) {
      return await refused(db, 'artifact_reused', purpose);
    }
    const resolveId = newMessageId();
    const request = buildArtifactResolve({
      id: resolveId,
      issueInstant: now,
      destination: config.artifactUrl,
      spEntityId: config.spEntityId,
      artifact: samlArt,
      signingKeyPem: config.signingKey,
      signingCertPem: config.signingCert,
    });
    let soap: string;
    try {
      soap = await transport(config.artifactUrl, request);
    } catch (error) {
      logError('login.gov.pl: artifact resolution failed', error);
      return await refused(db, 'transport', purpose);
    }
    // The answer is judged at the time it arrived (the call may have waited for the node).
    const arrivedAt = new Date(Math.max(now.getTime(), Date.now()));
    identity = readArtifactResponse(soap, {
      idpCert: config.idpCert,
      idpEntityId: config.idpEntityId,
      spEntityId: config.spEntityId,
      acsUrl: config.acsUrl,
      spEncryptionKeyPem: config.encryptionKey,
      artifactResolveId: resolveId,
      minimumLoa: config.loa,
      now: arrivedAt,
    });
  } catch (error) {
    if (isWkRefusal(error)) return refused(db, error.reason, purpose);
    throw error;
  }

  // The answer must be to the request this browser started (a cookie), not to one an attacker
  // started and got answered for themselves, and never to a request answered before.
  if (identity.requestId !== browserRequestId) return refused(db, 'request_unknown', purpose);
  const person: NodeIdentity = {
    pesel: identity.pesel,
    firstName: identity.firstName,
    lastName: identity.lastName,
    birthDate: identity.birthDate,
    loa: identity.loa,
    means: identity.authenticatingAuthority ?? null,
  };
  // The request answered, the assertion spent and what the answer does (a session, a held
  // identity, their audit) commit together: one commit, not one per statement, on the way back.
  let spent = false;
  const decided = await db.transaction(async (tx): Promise<WkOutcome | { kind: 'to-verify'; accountId: string | null }> => {
    const [request] = await tx
      .update(wkRequests)
      .set({ answeredAt: now })
      .where(and(eq(wkRequests.id, identity.requestId), isNull(wkRequests.answeredAt), gt(wkRequests.expiresAt, now)))
      .returning({ purpose: wkRequests.purpose, accountId: wkRequests.accountId });
    if (!request) return refused(tx, 'request_unknown', purpose);
    if (!(await spendNonce(tx, 'wk.assertion', identity.assertionId, new Date(identity.notOnOrAfter.getTime() + 60_000)))) {
      return refused(tx, 'assertion_reused', request.purpose);
    }
    spent = true;
    switch (request.purpose) {
      case 'login':
        return signIn(tx, identity.requestId, person);
      case 'register':
        return holdForRegistration(tx, identity.requestId, person, 'register');
      case 'verify':
        // After the commit: the verification renders its email outside any transaction and wakes
        // the mail worker once its own has committed.
        return { kind: 'to-verify', accountId: request.accountId };
    }
  });
  // The node has identified the person for this one use; its own session is not needed any more
  // and would let the next person at a shared computer in as this one.
  if (spent) deferred(() => endNodeSession(config, identity, transport));
  return decided.kind === 'to-verify' ? verify(db, decided.accountId, person) : decided;
}

/**
 * Single logout over SOAP, right after the node's answer: we keep no session tied to the node's
 * (ours is our own), so the node's ends at once. Failures are logged and counted, never shown:
 * the person's use of the portal does not depend on it.
 */
export async function endNodeSession(
  config: WkConfig,
  session: Pick<WkIdentity, 'nameId' | 'sessionIndex'>,
  transport: SoapTransport,
  now = new Date(),
): Promise<'ended' | 'failed' | 'skipped'> {
  if (!config.logoutUrl) return 'skipped';
  const id = newMessageId();
  const request = buildLogoutRequest({
    id,
    issueInstant: now,
    destination: config.logoutUrl,
    spEntityId: config.spEntityId,
    nameId: session.nameId,
    sessionIndex: session.sessionIndex ?? undefined,
    signingKeyPem: config.signingKey,
    signingCertPem: config.signingCert,
  });
  try {
    readLogoutResponse(await transport(config.logoutUrl, request), {
      idpCert: config.idpCert,
      idpEntityId: config.idpEntityId,
      logoutRequestId: id,
    });
  } catch (error) {
    countIdentityNode('logout', 'refused');
    logError("login.gov.pl: ending the node's session failed", error);
    return 'failed';
  }
  countIdentityNode('logout', 'success');
  return 'ended';
}

/**
 * Sign-in: the VERIFIED account of the patient with this PESEL, without its password; staff
 * never. On an unverified account the PESEL is only what its registrant typed: signing the
 * node's person into it would hand them an account someone else holds the password and email of
 * (and a verification there would make it theirs). Such an attempt is refused and left for staff.
 */
async function signIn(db: Db, requestId: string, person: NodeIdentity): Promise<WkOutcome> {
  const [account] = await selectAccountsWithPatients(db, {
    id: webAccounts.id,
    status: webAccounts.status,
    ver: webAccounts.sessionVersion,
    birthDate: patients.birthDate,
    // Activated: the email was confirmed (the link was used, or the account was made active).
    activated: sql<boolean>`${webAccounts.status} = 'active' or ${webAccounts.activatedAt} is not null or ${webAccounts.passwordHash} is not null`,
  }).where(eq(patients.pesel, person.pesel));
  if (!account) {
    countIdentityNode('signin', 'no_account');
    return holdForRegistration(db, requestId, person, 'no-account');
  }
  if (account.status === 'blocked') return refused(db, 'blocked', 'login', account.id);
  if (account.status !== 'verified') return refused(db, 'unverified_account', 'login', account.id);
  // The desk checked a document against this record; the node's birth date must agree with it too.
  if (account.birthDate !== person.birthDate) return refused(db, 'record_mismatch', 'login', account.id);
  // The email was never confirmed: the activation link comes first (SPEC §9). An account made
  // through login.gov.pl is verified before its email is, and waits for the link too.
  if (!account.activated) return refused(db, 'not_activated', 'login', account.id);
  // The node has just identified the person, at the level it names.
  const grant = await grantSession(db, { id: account.id, role: 'patient', ver: account.ver }, AMR.identityNode, {
    identity: 'login.gov.pl',
    loa: identityLevelOf(person.loa),
  });
  await db.insert(auditLog).values({ action: 'wk.signin', accountId: account.id, details: { loa: person.loa, means: person.means } });
  countIdentityNode('signin', 'success');
  return { kind: 'signed-in', grant };
}

/** Which of the checked facts differ, as codes for the audit (never the values). */
function differences(
  record: { pesel: string | null; birthDate: string | null; firstName: string; lastName: string },
  person: NodeIdentity,
) {
  const differ: string[] = [];
  if (record.pesel !== person.pesel) differ.push('pesel');
  if (record.birthDate !== person.birthDate) differ.push('birth_date');
  // The node gives every given name ("jan maria"), a record often only the first: the first given
  // names must agree, and the surnames whole (PESEL and birth date carry the identity).
  const firstGiven = (name: string) => nameKey(name).split(' ')[0];
  if (firstGiven(record.firstName) !== firstGiven(person.firstName) || nameKey(record.lastName) !== nameKey(person.lastName)) {
    differ.push('names');
  }
  return differ;
}

/** Verification of a signed-in patient's account: the node's person must be the account's patient. */
async function verify(db: Db, accountId: string | null, person: NodeIdentity): Promise<WkOutcome> {
  if (!accountId) return refused(db, 'gone', 'verify');
  const account = await readAccountWithPatient(db, accountId, {
    status: webAccounts.status,
    email: webAccounts.email,
    locale: webAccounts.locale,
    pesel: patients.pesel,
    birthDate: patients.birthDate,
    firstName: patients.firstName,
    lastName: patients.lastName,
  });
  if (!account) return refused(db, 'gone', 'verify');
  if (account.status === 'blocked') return refused(db, 'blocked', 'verify', accountId);
  if (account.status === 'verified') return refused(db, 'already_verified', 'verify', accountId);
  const differ = differences(account, person);
  if (differ.length > 0) {
    // Nothing changes; staff see the attempt in the account's audit trail.
    await db.insert(auditLog).values({ action: 'wk.verify_mismatch', accountId, details: { differ: differ.join(','), loa: person.loa } });
    countIdentityNode('verify', 'mismatch');
    return { kind: 'mismatch', accountId };
  }
  const done = await markIdentityVerified(db, accountId, account, { method: 'login.gov.pl', loa: person.loa, means: person.means });
  if (!done) return refused(db, 'already_verified', 'verify', accountId);
  countIdentityNode('verify', 'success');
  return { kind: 'verified', accountId };
}
