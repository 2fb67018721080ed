/** Whether a JSON text nests objects and arrays deeper than `maxDepth`, found without parsing it. */
export function jsonNestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > maxDepth) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return false;
}

/**
 * The path and length of the first string in a parsed JSON value longer than `maxLength`, or undefined: a bound on
 * every text field of every request, so no field can carry a megabyte into the store or the logs.
 */
export function stringLongerThan(
  value: unknown,
  maxLength: number,
): { readonly path: readonly (string | number)[]; readonly length: number } | undefined {
  const stack: { value: unknown; path: readonly (string | number)[] }[] = [{ value, path: [] }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const v = item.value;
    if (typeof v === 'string') {
      if (v.length > maxLength) return { path: item.path, length: v.length };
    } else if (Array.isArray(v)) {
      v.forEach((entry, i) => stack.push({ value: entry, path: [...item.path, i] }));
    } else if (typeof v === 'object' && v !== null) {
      for (const [key, entry] of Object.entries(v)) {
        if (key.length > maxLength) return { path: [...item.path, key], length: key.length };
        stack.push({ value: entry, path: [...item.path, key] });
      }
    }
  }
  return undefined;
}
