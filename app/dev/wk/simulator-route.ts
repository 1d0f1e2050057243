// What every endpoint of the login.gov.pl simulator does first: it exists only while the simulator
// plays the node, and a message it refuses is a 400 with the refusal's reason.
import { isWkRefusal } from '@/lib/login-gov-pl';
import { wkConfig, type WkConfig } from '@/lib/wk/config';

type SimulatorConfig = WkConfig & { simulator: NonNullable<WkConfig['simulator']> };

export const badRequest = (why?: string) => new Response(why ? `Bad Request: ${why}` : 'Bad Request', { status: 400 });

export function simulatorPost(handle: (request: Request, config: SimulatorConfig) => Promise<Response>) {
  return async function POST(request: Request): Promise<Response> {
    const config = wkConfig();
    if (!config?.simulator) return new Response('Not Found', { status: 404 });
    try {
      return await handle(request, { ...config, simulator: config.simulator });
    } catch (error) {
      if (isWkRefusal(error)) return badRequest(error.reason);
      throw error;
    }
  };
}

/** The posted form's named fields as text, or null when one is missing (or the body is no form). */
export async function formTexts<Name extends string>(request: Request, ...names: Name[]): Promise<Record<Name, string> | null> {
  const form = await request.formData().catch(() => null);
  const values = names.map((name) => [name, form?.get(name)] as const);
  return values.every(([, value]) => typeof value === 'string') ? (Object.fromEntries(values) as Record<Name, string>) : null;
}
