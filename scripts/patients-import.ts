// npm run patients:import -- FILE.csv
import { readFileSync } from 'node:fs';
import { getDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { IMPORT_COLUMNS, importPatients } from '@/lib/patients/import-patients';

const file = process.argv[2];
if (!file) {
  console.error(`Usage: npm run patients:import -- FILE.csv\nHeader: ${IMPORT_COLUMNS.join(',')}`);
  process.exit(2);
}
const database = await getDatabase();
try {
  await migrateDatabase(database);
  const report = await importPatients(database.db, readFileSync(file, 'utf8'));
  console.log(`Imported ${report.inserted} patients; ${report.skipped} already present (same PESEL); ${report.rejected.length} rejected.`);
  for (const r of report.rejected) console.log(`  line ${r.line}: invalid ${r.reason}`);
  process.exitCode = report.rejected.length > 0 ? 1 : 0;
} catch (error) {
  console.error(`Import failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
