// The action kit's pure parts: how a post is read and how answers are numbered and shaped.
import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, initialState, isUuid, messageOf, nextSubmission, readForm, replyTo } from '@/lib/web/action';

describe('reading a post', () => {
  const form = new FormData();
  form.append('name', 'Jan Kowalski');
  form.append('name', 'second value');
  form.append('file', new Blob(['x']), 'x.txt');
  form.append('consent', 'on');
  form.append('other', 'yes');

  it('cuts a text field to its length and reads anything else as empty', () => {
    const fields = readForm(form);
    expect(fields.text('name', 3)).toBe('Jan');
    expect(fields.text('name', 100)).toBe('Jan Kowalski');
    expect(fields.text('file', 100)).toBe('');
    expect(fields.text('missing', 100)).toBe('');
  });

  it('ticks a checkbox only for "on"', () => {
    const fields = readForm(form);
    expect(fields.checked('consent')).toBe(true);
    expect(fields.checked('other')).toBe(false);
    expect(fields.checked('missing')).toBe(false);
  });

  it('reads anything that is not a form (an action called with JSON arguments) as an empty form', () => {
    for (const notAForm of [[], {}, 'login=x', null, undefined, [{ login: 'x' }]]) {
      const fields = readForm(notAForm);
      expect(fields.text('login', 64)).toBe('');
      expect(fields.checked('consent')).toBe(false);
      expect(fields.all()).toEqual({});
    }
  });

  it('gives every field once, with its first value', () => {
    const all = readForm(form).all();
    expect(Object.keys(all)).toEqual(['name', 'file', 'consent', 'other']);
    expect(all.name).toBe('Jan Kowalski');
  });
});

describe('ids', () => {
  it('accepts a UUID in either case and nothing else', () => {
    expect(isUuid('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    expect(isUuid('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe(true);
    for (const bad of ['', '0f8fad5b-d9cb-469f-a165-70867728950', '0f8fad5b-d9cb-469f-a165-70867728950e ', "' or 1=1 --", '../admin']) {
      expect(isUuid(bad)).toBe(false);
    }
  });
});

describe('answers', () => {
  it('numbers each answer after the previous one, starting from the initial state', () => {
    expect(nextSubmission(initialState())).toBe(1);
    expect(nextSubmission({ submission: 4 })).toBe(5);
    expect(nextSubmission(undefined)).toBe(1);
    expect(nextSubmission({ submission: 'x' })).toBe(1);
    expect(replyTo({ submission: 2 }).invalid({ a: 'wrong' }).submission).toBe(3);
  });

  it('keeps every field error of an invalid answer and no message', () => {
    const state = replyTo(initialState()).invalid({ email: 'bad email', phone: 'bad phone' }, { email: 'x@' });
    expect(fieldErrorsOf(state)).toEqual({ email: 'bad email', phone: 'bad phone' });
    expect(messageOf(state)).toBeUndefined();
    expect(state.values).toEqual({ email: 'x@' });
  });

  it('words a refusal and a rate limit, without field errors', () => {
    const reply = replyTo(initialState());
    const refused = reply.refused('conflict', 'Konflikt', { email: 'a@b.pl' });
    expect(refused).toEqual({ status: 'conflict', message: 'Konflikt', submission: 1, values: { email: 'a@b.pl' } });
    expect(fieldErrorsOf(refused)).toEqual({});
    const limited = reply.limited(90);
    expect(limited.status).toBe('limited');
    expect(limited.message).toBe('Zbyt wiele prób w krótkim czasie. Spróbuj ponownie za 2 min.');
    expect(reply.limited(45).message).toBe('Zbyt wiele prób w krótkim czasie. Spróbuj ponownie za 45 s.');
    // The abbreviation's own full stop ends the sentence.
    expect(reply.limited(86_400).message).toBe('Zbyt wiele prób w krótkim czasie. Spróbuj ponownie za 24 godz.');
  });
});
