/** Where two values differ: the common start and end, and the differing middle of each. */
export interface Difference {
  prefix: string;
  a: string;
  b: string;
  suffix: string;
}

export function difference(a: string, b: string): Difference {
  const x = [...a];
  const y = [...b];
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let end = 0;
  while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end])
    end++;
  return {
    prefix: x.slice(0, start).join(''),
    a: x.slice(start, x.length - end).join(''),
    b: y.slice(start, y.length - end).join(''),
    suffix: x.slice(x.length - end).join(''),
  };
}
