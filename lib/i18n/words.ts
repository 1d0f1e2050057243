// The words of the request's language, for server components, actions and route handlers.
import { wordsFor } from '@/lib/messages';
import type { Catalogue } from '@/lib/messages/catalogue';
import { requestLocale } from './request-locale';

export async function words(): Promise<Catalogue> {
  return wordsFor(await requestLocale());
}
