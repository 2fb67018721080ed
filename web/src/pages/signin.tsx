// The sign-in page: a name and a password for a local account (`sma users add`), errors in the chosen language from
// the server's one error registry, then back to the page the user came from.
import { useState, type FormEvent } from 'react';
import { errorText, useAccount } from '../account.js';
import { errorKindOf } from '../../../src/server/error-registry.js';
import { useI18n, usePageStrings, type PageStrings } from '../i18n/lang.js';
import { hrefFor, useRoute } from '../router.js';

const strings: PageStrings<{
  title: string;
  intro: string;
  name: string;
  password: string;
  submit: string;
  working: string;
  signedIn: string;
  noAccounts: string;
  back: string;
  withProvider: string;
  orLocal: string;
}> = {
  en: {
    title: 'Sign in',
    intro: 'Sign in with the account your server’s administrator made for you ({command}).',
    name: 'Name',
    password: 'Password',
    submit: 'Sign in',
    working: 'Signing in…',
    signedIn: 'Signed in as',
    noAccounts: 'This server has no accounts: everything works without signing in.',
    back: 'Back',
    withProvider: 'Sign in with {name}',
    orLocal: 'Or with a local account:',
  },
  ko: {
    title: '로그인',
    intro: '서버 관리자가 만들어 준 계정({command})으로 로그인하세요.',
    name: '이름',
    password: '비밀번호',
    submit: '로그인',
    working: '로그인 중…',
    signedIn: '로그인한 계정',
    noAccounts: '이 서버에는 계정이 없습니다. 로그인하지 않아도 모든 기능을 쓸 수 있습니다.',
    back: '돌아가기',
    withProvider: '{name} 계정으로 로그인',
    orLocal: '또는 로컬 계정으로 로그인:',
  },
};

export default function SignIn() {
  const s = usePageStrings(strings);
  const { lang } = useI18n();
  const { session, signIn } = useAccount();
  const { params } = useRoute();
  const back = params.get('back') ?? hrefFor('record');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  // A single sign-on that failed comes back here with its code (src/server/oidc.ts); the registry words it.
  const ssoError = params.get('sso_error');
  const sso = session?.singleSignOn ?? null;
  // Back to this app's page after the provider: a path of this site, as the server also insists.
  const ssoHref =
    sso === null
      ? undefined
      : `${sso.start}?${new URLSearchParams({ return: `/${back.startsWith('#/') ? back : hrefFor('record')}` }).toString()}`;
  const [working, setWorking] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setWorking(true);
    setError(null);
    signIn({ name, password }).then(
      () => {
        setWorking(false);
        setPassword('');
        // Only a hash inside this app: a sign-in link must never send the user elsewhere.
        window.location.hash = back.startsWith('#/') ? back : hrefFor('record');
      },
      (err: unknown) => {
        setWorking(false);
        setError(err);
      },
    );
  };

  return (
    <section aria-labelledby="signin-title" className="signin">
      <h1 id="signin-title">{s.title}</h1>
      {session?.account ? (
        <p role="status">
          {s.signedIn} <strong>{session.account.name}</strong> · <a href={back}>{s.back}</a>
        </p>
      ) : session !== null && !session.accountsRequired ? (
        <p>{s.noAccounts}</p>
      ) : null}
      {ssoError !== null && ssoError.startsWith('auth/') && (
        <p className="error" role="alert" data-testid="sso-error">
          {errorKindOf(ssoError)[lang]}
        </p>
      )}
      {sso !== null && ssoHref !== undefined && (
        <p>
          <a className="button-link" href={ssoHref} data-testid="sso-link">
            {s.withProvider.replace('{name}', sso.name)}
          </a>
        </p>
      )}
      <p>
        {sso !== null
          ? s.orLocal
          : s.intro
              .split('{command}')
              .flatMap((part, k) => (k === 0 ? [part] : [<code key={k}>sma users add</code>, part]))}
      </p>
      <form onSubmit={submit} aria-describedby={error === null ? undefined : 'signin-error'} noValidate>
        <div className="field">
          <label htmlFor="signin-name">{s.name}</label>
          <input
            id="signin-name"
            type="text"
            name="username"
            autoComplete="username"
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="signin-password">{s.password}</label>
          <input
            id="signin-password"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            maxLength={1000}
            value={password}
            aria-invalid={error === null ? undefined : true}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button type="submit" className="primary" disabled={working || name === '' || password === ''}>
          {working ? s.working : s.submit}
        </button>
        {error !== null && (
          <p id="signin-error" className="error" role="alert">
            {errorText(error, lang)}
          </p>
        )}
      </form>
    </section>
  );
}
