'use server';

/** @param {{ message: string }} _previous @param {FormData} form */
export async function send(_previous, form) {
  return { message: `Otrzymano: ${String(form.get('name') ?? '')}` };
}
