import { useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n/lang.js';

export interface NumberFieldProps {
  readonly label: string;
  readonly value: number;
  readonly onChange: (v: number) => void;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** Draw a slider beside the input (for bounded parameters such as discount factors). */
  readonly slider?: boolean;
  readonly integer?: boolean;
  readonly hint?: string;
  /** Extra validation beyond the range; returns a message or null. */
  readonly validate?: (v: number) => string | null;
  /** A message from elsewhere (the server's answer about this field), shown like a validation message. */
  readonly error?: string | null;
}

/** A labelled number input whose validation message sits beside it; only valid values reach onChange. */
export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step,
  slider,
  integer,
  hint,
  validate,
  error: outside,
}: NumberFieldProps) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(String(value));
  // The rejected text, not its message, so the message follows a language switch.
  const [rejected, setRejected] = useState<string | null>(null);

  // Follow outside changes (slider, URL) without clobbering what the user is typing.
  useEffect(() => {
    setText((cur) => (Number(cur) === value && cur.trim() !== '' ? cur : String(value)));
    setRejected(null);
  }, [value]);

  const check = (raw: string): string | null => {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n)))
      return t('validation.range').replace('{min}', String(min)).replace('{max}', String(max));
    return validate ? validate(n) : null;
  };

  const commit = (raw: string) => {
    setText(raw);
    const e = check(raw);
    setRejected(e ? raw : null);
    if (!e) onChange(Number(raw));
  };
  const error = (rejected === null ? null : check(rejected)) ?? outside ?? null;

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="row">
        {slider && (
          <input
            type="range"
            min={min}
            max={max}
            step={step}
            value={Number.isFinite(Number(text)) ? Number(text) : value}
            onChange={(e) => commit(e.target.value)}
            aria-label={label}
            tabIndex={-1}
          />
        )}
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={min}
          max={max}
          step={step}
          value={text}
          onChange={(e) => commit(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error || hint ? `${id}-msg` : undefined}
        />
        {(error ?? hint) && (
          <span id={`${id}-msg`} className={error ? 'error' : 'muted'} role={error ? 'alert' : undefined}>
            {error ?? hint}
          </span>
        )}
      </div>
    </div>
  );
}
