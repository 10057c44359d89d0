import { useId, useState } from 'react';
import { Button } from './button';

/** A read-only value to hand over (a secret shown once, a command): selected on focus, copied with one click. */
export function CopyField({ label, value, multiline = false }: { label: string; value: string; multiline?: boolean }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(value);
    setCopied(true);
  };
  const select = (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => event.currentTarget.select();
  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field-row">
        {multiline ? (
          <textarea id={id} className="input copy-field-value" readOnly value={value} onFocus={select} rows={4} spellCheck={false} />
        ) : (
          <input id={id} className="input copy-field-value" readOnly value={value} onFocus={select} spellCheck={false} />
        )}
        <Button size="sm" onClick={copy} aria-label={`Copy ${label.toLowerCase()}`}>
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
    </div>
  );
}
