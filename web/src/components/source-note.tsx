/**
 * A note the project wrote, in the chosen language; `identifiers` in backticks (files, ids, fields, functions) are
 * shown as code: they name a thing to look up, and are the same in every language.
 */
export function SourceNote({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/(`[^`]+`)/)
        .map((part, k) => (/^`.+`$/.test(part) ? <code key={k}>{part.slice(1, -1)}</code> : part))}
    </>
  );
}
