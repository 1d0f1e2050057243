// npm run staff -- add --login L --name N --role registrar   (password from stdin)
//                   list | disable --login L | reset-password --login L   (password from stdin)
//                   unlock --login L   (lifts a lock of sign-in by password, any login)
//                   reset-mfa --login L   (a lost phone or key: the next sign-in enrols a new second factor)
import { parseArgs } from 'node:util';
import { getDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { staffRoles, type StaffRole } from '@/db/schema';
import { unlockLogin } from '@/lib/staff/sign-in-locks';
import { addStaff, disableStaff, listStaff, resetStaffMfa, resetStaffPassword, type StaffResult } from '@/lib/staff/staff-accounts';

const USAGE = `Usage:
  npm run staff -- add --login LOGIN --name "NAME" --role registrar|admin   (password on stdin)
  npm run staff -- list
  npm run staff -- disable --login LOGIN
  npm run staff -- reset-password --login LOGIN                            (password on stdin)
  npm run staff -- reset-mfa --login LOGIN
  npm run staff -- unlock --login LOGIN        (lift a lock of sign-in by password after failed attempts)`;

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (input is shown; prefer piping it in): ');
  const chunks: Buffer[] = [];
  for await (const read of process.stdin) {
    const chunk = read as Buffer;
    chunks.push(chunk);
    if (process.stdin.isTTY && chunk.toString().includes('\n')) break;
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { login: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
  strict: true,
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const database = await getDatabase();
try {
  await migrateDatabase(database);
  const db = database.db;
  let result: StaffResult | null = null;
  switch (command) {
    case 'add': {
      if (!values.login || !values.name || !values.role) fail(USAGE);
      if (!staffRoles.includes(values.role as StaffRole)) fail(`--role must be one of: ${staffRoles.join(', ')}`);
      result = await addStaff(db, {
        login: values.login,
        name: values.name,
        role: values.role as StaffRole,
        password: await readPassword(),
      });
      if (result.ok) console.log(`Staff account ${values.login} (${values.role}) created.`);
      break;
    }
    case 'list':
      for (const s of await listStaff(db)) {
        console.log(`${s.login}\t${s.role}\t${s.disabledAt ? 'disabled' : 'active'}\t${s.mfa ? 'mfa' : 'no-mfa'}\t${s.name}`);
      }
      break;
    case 'disable':
      if (!values.login) fail(USAGE);
      result = await disableStaff(db, values.login);
      if (result.ok) console.log(`Staff account ${values.login} disabled; its sessions have ended.`);
      break;
    case 'reset-password':
      if (!values.login) fail(USAGE);
      result = await resetStaffPassword(db, values.login, await readPassword());
      if (result.ok) console.log(`Password of ${values.login} changed; its sessions have ended.`);
      break;
    case 'reset-mfa':
      if (!values.login) fail(USAGE);
      result = await resetStaffMfa(db, values.login);
      if (result.ok) console.log(`Second factor of ${values.login} removed; its sessions have ended. The next sign-in enrols a new one.`);
      break;
    case 'unlock': {
      if (!values.login) fail(USAGE);
      const unlocked = await unlockLogin(db, values.login);
      if (unlocked.ok) {
        console.log(
          `${unlocked.wasLocked ? 'Sign-in lock lifted' : 'Failed sign-ins forgotten (it was not locked)'} for ${values.login} (${unlocked.kind} login).`,
        );
      } else {
        result = unlocked;
      }
      break;
    }
    default:
      fail(USAGE);
  }
  if (result && !result.ok) {
    console.error(`Refused: ${result.error}`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
