import type { ReactNode } from 'react';
import type { Remote } from '../api.js';
import { useI18n } from '../i18n/lang.js';

/** Renders a request's loading, missing-route and error states the same way on every page. */
export function RemoteView<T>({ remote, children }: { remote: Remote<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
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
          {t('api.error')} (<code>{remote.route}</code>): {remote.message}
          {remote.issues && remote.issues.length > 0 && (
            <ul>
              {remote.issues.map((i) => (
                <li key={i.path}>
                  <code>{i.path}</code>: {i.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      );
    case 'ok':
      return <>{children(remote.data)}</>;
  }
}
