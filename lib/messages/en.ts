// Placeholder until the translation lands: the Polish words.
import type { Catalogue } from './catalogue';
import { pl } from './pl';

export const en: Catalogue = pl;
