// The shape of every language's legal texts: Polish's, widened the way lib/messages/catalogue.ts
// widens the main catalogue, so a language that lacks a key (or has one Polish lacks) fails
// `npm run typecheck`.
import type { Widen } from '../catalogue';
import type { legalPl } from './pl';

export type LegalCatalogue = Widen<typeof legalPl>;
