// Rendering a react-email template takes milliseconds, and most of an email is the same for
// every recipient (the language, the facility, the links' host). So each template is rendered
// once per process and setting, with a placeholder for each per-recipient value, and a
// recipient's email is that rendering with the values filled in — HTML-escaped exactly as React
// escapes text and attributes, so the result is byte for byte what a full render gives.
//
// A value the placeholders could not stand for faithfully (whitespace that plain-text conversion
// would fold, markup characters, an empty value) gets a full render instead, and so does every
// template whose filled-in probe does not match a full render of the same probe (a catalogue
// function that changes a value before printing it, say).
import { randomBytes } from 'node:crypto';
import type { RenderedEmail } from './outbox';

/** Letters, digits and a few marks, in words separated by single spaces: printed as they are. */
const PLAIN = /^[\p{L}\p{M}\p{N}._'’-]+(?: [\p{L}\p{M}\p{N}._'’-]+)*$/u;

/** React escapes `'` in text and attribute values; PLAIN lets no other escaped character through. */
const escapeHtml = (value: string) => value.replaceAll("'", '&#x27;');

interface Template {
  html: string;
  text: string;
  subject: string;
  template: string;
  pattern: RegExp;
  names: Map<string, string>;
}

/**
 * Renders `render(settings, values)` through a per-process template for each distinct `settings`
 * (compared as JSON). `probe` are values used once per template to check that filling in gives
 * what a full render gives; they should look like real ones (an apostrophe, a Polish letter).
 */
export function templatedEmail<S, V extends Record<string, string>>(
  render: (settings: S, values: V) => Promise<RenderedEmail>,
  probe: V,
): (settings: S, values: V) => Promise<RenderedEmail> {
  const templates = new Map<string, Promise<Template | null>>();

  const build = async (settings: S): Promise<Template | null> => {
    // Letters and digits only, so neither React nor the plain-text conversion changes them.
    const marker = `q${randomBytes(6).toString('hex')}z`;
    const names = new Map<string, string>();
    const placeholders = {} as Record<string, string>;
    for (const name of Object.keys(probe)) {
      const placeholder = `${marker}${names.size}${marker}`;
      names.set(placeholder, name);
      placeholders[name] = placeholder;
    }
    const rendered = await render(settings, placeholders as V);
    const template: Template = {
      ...rendered,
      pattern: new RegExp(`${marker}\\d+${marker}`, 'g'),
      names,
    };
    const expected = await render(settings, probe);
    const filled = fill(template, probe);
    return filled.html === expected.html && filled.text === expected.text && filled.subject === expected.subject ? template : null;
  };

  return async (settings, values) => {
    if (!Object.values(values).every((value) => PLAIN.test(value))) return render(settings, values);
    const key = JSON.stringify(settings);
    let template = templates.get(key);
    if (!template) {
      template = build(settings);
      templates.set(key, template);
      template.catch(() => templates.delete(key));
    }
    const ready = await template;
    return ready ? fill(ready, values) : render(settings, values);
  };
}

/** One pass over the template: a value is never searched for placeholders itself. */
function fill(template: Template, values: Record<string, string>): RenderedEmail {
  const value = (placeholder: string) => values[template.names.get(placeholder)!] ?? '';
  return {
    template: template.template,
    subject: template.subject.replace(template.pattern, value),
    html: template.html.replace(template.pattern, (p) => escapeHtml(value(p))),
    text: template.text.replace(template.pattern, value),
  };
}
