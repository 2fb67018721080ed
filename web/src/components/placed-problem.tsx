import { placedProblemParts, type PlacedProblem } from '../../../src/i18n/problems.js';
import { useI18n } from '../i18n/lang.js';

/** A problem in a file in the page's language: the file, the field and any value as written (code), the rest words. */
export default function PlacedProblemText({ problem }: { readonly problem: PlacedProblem }) {
  const { lang } = useI18n();
  return (
    <>
      {placedProblemParts(problem, lang).map((part, k) =>
        typeof part === 'string' ? part : <code key={k}>{part.value}</code>,
      )}
    </>
  );
}
