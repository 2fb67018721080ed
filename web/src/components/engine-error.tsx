import { errorKindOf } from '../../../src/server/error-registry.js';
import { useI18n } from '../i18n/lang.js';

/**
 * An engine failure computed in the browser, in the page's language: the registry's title of its code, then the code
 * and its details as written (identifiers, the same in every language).
 */
export default function EngineErrorText({ code, detail }: { readonly code: string; readonly detail?: string }) {
  const { lang } = useI18n();
  return (
    <>
      {errorKindOf(code)[lang]} (<code>{code}</code>
      {detail === undefined ? (
        ''
      ) : (
        <>
          {' '}
          <code>{detail}</code>
        </>
      )}
      )
    </>
  );
}
