import type { ReactNode } from 'react';
import { errorKindOf } from '../../../src/server/error-registry.js';
import type { Remote } from '../api.js';
import { useI18n } from '../i18n/lang.js';
import { issueText } from '../i18n/problems.js';

/**
 * Renders a request's loading, missing-route and error states the same way on every page. An error says the
 * registry's title of its code and each field problem in the page's language, the field named by `label` (the form's
 * own label for a path such as `body.seed`), else by its path.
 */
export function RemoteView<T>({
  remote,
  label,
  children,
}: {
  remote: Remote<T>;
  label?: (path: string) => string | undefined;
  children: (data: T) => ReactNode;
}) {
  const { t, lang } = useI18n();
  switch (remote.state) {
    case 'loading':
      return (
        <p className="muted" aria-busy="true">
          {t('loading')}
        </p>
      );
    case 'missing':
      return (
        <p className="alert" role="status">
          {t('api.missing')}: <code>{remote.route}</code>
        </p>
      );
    case 'error':
      return (
        <div className="alert" role="alert">
          {t('api.error')} (<code>{remote.route}</code>):{' '}
          {remote.code ? errorKindOf(remote.code)[lang] : remote.message}
          {remote.issues && remote.issues.length > 0 && (
            <ul>
              {remote.issues.map((i) => {
                const name = label?.(i.path);
                return (
                  <li key={i.path}>
                    {name === undefined && (
                      <>
                        <code>{i.path}</code>:{' '}
                      </>
                    )}
                    {issueText(i, name ?? null, lang)}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      );
    case 'ok':
      return <>{children(remote.data)}</>;
  }
}
