// CSV export of the audit log or of blocked registration attempts (issue 14): administrators
// only, checked here (route handlers have no layout), a POST from the dashboard's form (proxy.ts
// requires our own Origin), and written to the audit log with the range and the row count.
import { auth, currentStaff } from '@/lib/auth/auth';
import { getDb } from '@/db/client';
import { EXPORT_KINDS, exportCsv, parseDateRange, type ExportKind } from '@/lib/staff/exports';

export const dynamic = 'force-dynamic';

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });

export async function POST(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const staff = await currentStaff(['admin']);
  if (!staff) return (await auth()) ? new Response('Not Found', { status: 404 }) : seeOther('/login');
  const { kind } = await params;
  if (!EXPORT_KINDS.includes(kind as ExportKind)) return new Response('Not Found', { status: 404 });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return seeOther('/admin?eksport=zakres#eksport');
  }
  const range = parseDateRange(form.get('from'), form.get('to'));
  if (!range) return seeOther('/admin?eksport=zakres#eksport');
  const csv = await exportCsv(await getDb(), staff, kind as ExportKind, range);
  return new Response(csv.body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${csv.filename}"`,
      'cache-control': 'no-store',
    },
  });
}
