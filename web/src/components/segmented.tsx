/** One choice of a few, all in view: radio buttons drawn as one segmented control (styles.css `.segmented`). */
export function Segmented<T extends string | boolean>({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: ReadonlyArray<readonly [T, string]>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="segmented">
      <legend>{legend}</legend>
      {options.map(([option, label]) => (
        <label key={String(option)} className={value === option ? 'active' : undefined}>
          <input type="radio" name={name} value={String(option)} checked={value === option} onChange={() => onChange(option)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
