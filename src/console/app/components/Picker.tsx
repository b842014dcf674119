/**
 * A labelled `<select>` over a list of values: each option named by `name` (the value
 * itself by default), with an empty "all" option first when `all` is given.
 */
export function Picker<V extends string | number>(props: {
  label: string;
  value: V | '' | undefined;
  options: readonly V[];
  name?: (value: V) => string;
  all?: string;
  onChange(value: string): void;
}) {
  const { name = String } = props;
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.all !== undefined && <option value="">{props.all}</option>}
        {props.options.map((v) => (
          <option key={v} value={v}>
            {name(v)}
          </option>
        ))}
      </select>
    </label>
  );
}
