// How many SMS a text costs. A message goes as GSM-7 (3GPP TS 23.038 default alphabet) when every
// character is in it, else as UCS-2 — one Polish letter is enough to switch the whole text, which
// more than halves what fits in a segment. The tests' measure of lib/sms/templates.ts's promise
// that every text fits two segments; nothing in the product counts them.

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSize {
  encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

// The default alphabet without ESC (0x1B), which only introduces the extension table.
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
// The extension table: each is sent as ESC + the character, two septets.
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

// Capacity of one message, and of each part of a concatenated one (the user data header takes
// 6 octets: 7 septets or 3 UTF-16 units).
const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

export function encodingOf(text: string): SmsEncoding {
  for (const char of text) if (!GSM_BASIC.has(char) && !GSM_EXTENSION.has(char)) return 'UCS-2';
  return 'GSM-7';
}

export function segmentsOf(text: string): SmsSize {
  const encoding = encodingOf(text);
  const sizes = [...text].map((char) => unitsOf(char, encoding));
  const units = sizes.reduce((sum, size) => sum + size, 0);
  const limit = LIMITS[encoding];
  if (units <= limit.single) return { encoding, units, segments: 1 };
  return { encoding, units, segments: partsOf(sizes, limit.part) };
}

function unitsOf(char: string, encoding: SmsEncoding): number {
  if (encoding === 'UCS-2') return char.length; // an emoji is a surrogate pair: two units
  return GSM_EXTENSION.has(char) ? 2 : 1;
}

// Packed greedily, never splitting an escape sequence or a surrogate pair across two parts, as
// phones and gateways do; so a text can need one part more than units / part suggests, and this
// count is never below what the provider charges.
function partsOf(sizes: number[], capacity: number): number {
  let parts = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > capacity) {
      parts += 1;
      used = 0;
    }
    used += size;
  }
  return parts;
}
