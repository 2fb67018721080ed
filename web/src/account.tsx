// Who is signed in, and whether this server needs an account to save: read once from GET /api/session, changed by
// the sign-in page and the sign-out button. Request and answer types are the server's own (src/server/wire.ts).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Account, SessionState, SignedIn, SignedOut, SignInBody } from '../../src/server/wire.js';
import { errorKindOf } from '../../src/server/error-registry.js';
import type { Lang } from '../../src/i18n/format.js';
import { api, ApiError } from './api.js';
import { useI18n, usePageStrings, type PageStrings } from './i18n/lang.js';
import { hrefFor, useRoute } from './router.js';

export interface AccountState {
  /** null until the server has answered (or when it has no accounts route). */
  readonly session: SessionState | null;
  readonly signIn: (body: SignInBody) => Promise<Account>;
  readonly signOut: () => Promise<void>;
}

const AccountContext = createContext<AccountState | null>(null);

export function AccountProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    api<SessionState>('/api/session', { signal: ctl.signal }).then(setSession, () => undefined);
    return () => ctl.abort();
  }, []);
  const signIn = useCallback(async (body: SignInBody) => {
    const { account } = await api<SignedIn>('/api/session', { body });
    setSession((s) => ({
      accountsRequired: s?.accountsRequired ?? true,
      singleSignOn: s?.singleSignOn ?? null,
      account,
    }));
    return account;
  }, []);
  const signOut = useCallback(async () => {
    await api<SignedOut>('/api/session', { method: 'DELETE' });
    setSession((s) => ({
      accountsRequired: s?.accountsRequired ?? true,
      singleSignOn: s?.singleSignOn ?? null,
      account: null,
    }));
  }, []);
  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <AccountContext.Provider value={value}>{children}</AccountContext.Provider>;
}

export function useAccount(): AccountState {
  const ctx = useContext(AccountContext);
  if (!ctx) throw new Error('useAccount outside AccountProvider');
  return ctx;
}

/** Whether a write would be refused for want of an account (the server requires one and nobody is signed in). */
export function useSignInNeeded(): boolean {
  const { session } = useAccount();
  return session !== null && session.accountsRequired && session.account === null;
}

/** The registry's title of an API error in the chosen language (src/server/error-registry.ts), else its message. */
export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof ApiError && e.code !== null) return errorKindOf(e.code)[lang];
  return e instanceof Error ? e.message : String(e);
}

const strings: PageStrings<{
  signIn: string;
  signOut: string;
  signedInAs: string;
  signInToSave: string;
}> = {
  en: {
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedInAs: 'Signed in as',
    signInToSave: 'Sign in to save: this server keeps work under an account.',
  },
  ko: {
    signIn: '로그인',
    signOut: '로그아웃',
    signedInAs: '로그인한 계정',
    signInToSave: '저장하려면 로그인하세요. 이 서버는 작업을 계정별로 보관합니다.',
  },
};

/** The header's corner: the signed-in name and a sign-out button, or a link to the sign-in page. */
export function AccountBar() {
  const { session, signOut } = useAccount();
  const { page } = useRoute();
  const s = usePageStrings(strings);
  if (session === null || (!session.accountsRequired && session.account === null)) return null;
  if (session.account === null) {
    return (
      <div className="account">
        <a href={hrefFor('signin')} aria-current={page === 'signin' ? 'page' : undefined}>
          {s.signIn}
        </a>
      </div>
    );
  }
  return (
    <div className="account">
      <span data-testid="signed-in-name">
        {s.signedInAs} <strong>{session.account.name}</strong>
      </span>
      <button type="button" onClick={() => void signOut()}>
        {s.signOut}
      </button>
    </div>
  );
}

/** Beside a write action: says an account is needed and links to the sign-in page, back to where the user was. */
export function SignInToSave() {
  const needed = useSignInNeeded();
  const s = usePageStrings(strings);
  const { page } = useRoute();
  const { lang } = useI18n();
  if (!needed) return null;
  return (
    <span className="sign-in-needed" role="note" lang={lang}>
      {s.signInToSave} <a href={hrefFor('signin', { back: window.location.hash || hrefFor(page) })}>{s.signIn}</a>
    </span>
  );
}
