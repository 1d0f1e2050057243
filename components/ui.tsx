// Small accessible building blocks shared by the forms.
import type { HTMLAttributes, InputHTMLAttributes, ReactNode } from 'react';

export function Card({ children }: { children: ReactNode }) {
  return <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">{children}</div>;
}

/** A card with its own heading, as a landmark (a section, or a nav) that the heading names. */
export function CardSection({
  id,
  title,
  as: Landmark = 'section',
  className,
  children,
}: {
  id: string;
  title: ReactNode;
  as?: 'section' | 'nav';
  className?: string;
  children: ReactNode;
}) {
  return (
    <Landmark aria-labelledby={id} className={className}>
      <Card>
        <h2 id={id} className="mb-2 text-lg font-bold">
          {title}
        </h2>
        {children}
      </Card>
    </Landmark>
  );
}

export function PageTitle({ children }: { children: ReactNode }) {
  return <h1 className="mb-4 text-2xl font-bold text-slate-900">{children}</h1>;
}

/** A two-column list of labelled facts (one column on phones). */
export function Facts({ rows, labelWidth = 'auto' }: { rows: Array<[string, ReactNode]>; labelWidth?: 'auto' | 'wide' }) {
  return (
    <dl
      className={`grid grid-cols-1 gap-x-4 gap-y-1 ${labelWidth === 'wide' ? 'text-sm sm:grid-cols-[12rem_1fr]' : 'sm:grid-cols-[auto_1fr]'}`}
    >
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-700">{label}</dt>
          <dd className="mb-2 break-words sm:mb-0">{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

const noticeBoxes = {
  info: 'border-2 border-brand bg-blue-50',
  success: 'border border-green-700 bg-green-50',
  warn: 'border-2 border-warn bg-amber-50',
  danger: 'border-2 border-danger bg-red-50 text-danger',
} as const;

/**
 * A message in a box, or nothing when there is no message. A problem is an alert and anything
 * else a status, so a screen reader announces both when the page shows them.
 */
export function Notice({
  tone,
  message,
  className,
  ...paragraph
}: Omit<HTMLAttributes<HTMLParagraphElement>, 'role' | 'children'> & { tone: keyof typeof noticeBoxes; message: ReactNode }) {
  if (!message) return null;
  return (
    <p role={tone === 'danger' ? 'alert' : 'status'} {...paragraph} className={`rounded-md p-3 ${noticeBoxes[tone]} ${className ?? ''}`}>
      {message}
    </p>
  );
}

export const buttonClass =
  'inline-flex min-h-11 items-center justify-center rounded-md bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-60';

/** A form's main button, kept from a second post while the first is on its way. */
export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {children}
      </button>
    </div>
  );
}

export const secondaryButtonClass = 'min-h-11 rounded-md border border-slate-400 bg-white px-4 font-medium';

/** A form that is one button; hidden fields carry what the action acts on (an account, a token). */
export function ActionButton({
  action,
  fields = {},
  formClassName,
  className = buttonClass,
  children,
}: {
  action: (data: FormData) => void | Promise<void>;
  fields?: Record<string, string>;
  formClassName?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form action={action} className={formClassName}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className}>
        {children}
      </button>
    </form>
  );
}

export const linkClass = 'font-medium text-brand underline underline-offset-2 hover:text-brand-dark';

function RequiredMark() {
  return (
    <span aria-hidden="true" className="text-danger">
      {' '}
      *
    </span>
  );
}

/** A label above its control (an input, a select, a text area) that it names by the control's id. */
export function Labelled({ id, label, className, children }: { id: string; label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `flex flex-col gap-1 ${className}` : 'flex flex-col gap-1'}>
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A labelled input without a required mark or hint: sign-in, the new password pair, a link request. */
export function LabelledInput({
  id,
  label,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> & { id: string; label: string }) {
  return (
    <Labelled id={id} label={label}>
      <input id={id} {...input} className="min-h-11 rounded-md border border-slate-400 px-3 py-2 text-base" />
    </Labelled>
  );
}

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'name'> {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  warning?: string;
}

/** A labelled input whose hint, warning and error are tied to it with aria-describedby. */
export function Field({ name, label, hint, error, warning, required, className, ...input }: FieldProps) {
  const id = input.id ?? `field-${name}`;
  const described = [hint && `${id}-hint`, warning && `${id}-warning`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={`flex flex-col gap-1 ${className ?? ''}`}>
      {/* The marker stays outside the label so the accessible name is exactly the label. */}
      <div>
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
        {required ? <RequiredMark /> : null}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        className={`min-h-11 w-full rounded-md border bg-white px-3 py-2 text-base ${
          error ? 'border-danger border-2' : 'border-slate-400'
        }`}
        {...input}
      />
      <div aria-live="polite">
        {warning ? (
          <p id={`${id}-warning`} className="text-sm text-warn">
            {warning}
          </p>
        ) : null}
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export interface CheckboxProps {
  name: string;
  label: string;
  /** When the box applies (the SMS consent: only to a mobile number). */
  hint?: string;
  error?: string;
  defaultChecked?: boolean;
  required?: boolean;
}

export function Checkbox({ name, label, hint, error, defaultChecked, required }: CheckboxProps) {
  const id = `field-${name}`;
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-start gap-3">
        <input
          type="checkbox"
          id={id}
          name={name}
          defaultChecked={defaultChecked}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
          className="mt-1 h-5 w-5 shrink-0 accent-brand"
        />
        <div>
          <label htmlFor={id}>{label}</label>
          {required ? <RequiredMark /> : null}
        </div>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="ml-8 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="ml-8 text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
