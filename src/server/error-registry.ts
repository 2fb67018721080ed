/**
 * The one registry of error codes: for each code (or, failing an exact entry, its last segment or its area) the HTTP
 * status the API answers, the exit code the CLI returns, and a title in English and Korean. The API's error handler
 * (every route, role-play included, and the framework's own errors) and the CLI both read it; nothing else maps codes.
 */

/** CLI exit codes: 0 success, 2 bad input or usage, 1 anything else. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

export interface ErrorKind {
  readonly status: number;
  readonly exit: number;
  readonly en: string;
  readonly ko: string;
}

const kind = (status: number, exit: number, en: string, ko: string): ErrorKind => ({ status, exit, en, ko });
const input = (status: number, en: string, ko: string) => kind(status, EXIT_BAD_INPUT, en, ko);
const failure = (status: number, en: string, ko: string) => kind(status, EXIT_FAILURE, en, ko);

/** Codes with a fixed meaning. */
export const errorCodes = {
  'request/invalid': input(400, 'The request is invalid.', '요청이 올바르지 않습니다.'),
  'request/json_malformed': input(400, 'The body is not valid JSON.', '본문이 올바른 JSON이 아닙니다.'),
  'request/json_too_deep': input(400, 'The JSON body nests too deep.', 'JSON 본문의 중첩이 너무 깊습니다.'),
  'request/bad_url': input(400, 'The URL is not validly encoded.', 'URL 인코딩이 올바르지 않습니다.'),
  'request/field_too_long': input(422, 'A field is longer than allowed.', '허용된 길이를 넘는 필드가 있습니다.'),
  'request/host_not_allowed': input(
    421,
    'This server does not answer for that host name.',
    '이 서버는 해당 호스트 이름으로 응답하지 않습니다.',
  ),
  'request/body_too_large': input(413, 'The body is too large.', '본문이 너무 큽니다.'),
  'request/headers_too_large': input(431, 'The request headers are too large.', '요청 헤더가 너무 큽니다.'),
  'request/timeout': input(408, 'The request took too long to arrive.', '요청 수신 시간이 초과되었습니다.'),
  'request/unsupported_media_type': input(415, 'Unsupported content type.', '지원하지 않는 콘텐츠 형식입니다.'),
  'request/too_many': input(429, 'Too many requests; slow down.', '요청이 너무 많습니다. 잠시 후 다시 시도하세요.'),
  'route/not_found': input(404, 'No such route.', '해당 경로가 없습니다.'),
  'auth/unauthenticated': input(401, 'Sign in first.', '먼저 로그인하세요.'),
  'auth/forbidden': input(403, 'This is not yours to change.', '변경 권한이 없습니다.'),
  'auth/bad_credentials': input(401, 'Wrong name or password.', '이름 또는 비밀번호가 틀렸습니다.'),
  'auth/cross_origin': input(
    403,
    'A write from another site was refused.',
    '다른 사이트에서 온 쓰기 요청을 거부했습니다.',
  ),
  'auth/oidc_not_configured': input(
    404,
    'Single sign-on is not set up on this server.',
    '이 서버에는 통합 로그인(SSO)이 설정되어 있지 않습니다.',
  ),
  'auth/oidc_state': input(
    400,
    'This sign-in was not started in this browser or has expired; start again.',
    '이 브라우저에서 시작한 로그인이 아니거나 만료되었습니다. 다시 시작하세요.',
  ),
  'auth/oidc_rejected': input(
    401,
    'The sign-in provider did not sign you in; start again.',
    '로그인 제공자가 로그인을 승인하지 않았습니다. 다시 시작하세요.',
  ),
  'auth/oidc_client': failure(
    502,
    "The sign-in provider refused this server's client settings; tell the administrator.",
    '로그인 제공자가 이 서버의 클라이언트 설정을 거부했습니다. 관리자에게 알리세요.',
  ),
  'auth/oidc_unavailable': failure(
    503,
    'The sign-in provider cannot be reached now.',
    '지금은 로그인 제공자에 연결할 수 없습니다.',
  ),
  'job/too_many_runs': input(422, 'Too many runs for one job.', '한 작업의 실행 횟수가 너무 많습니다.'),
  'job/too_many_outcomes': input(
    422,
    'The scenario has too many outcomes to list.',
    '시나리오의 결과 수가 너무 많습니다.',
  ),
  'job/too_many_jobs': input(429, 'Too many jobs running for you.', '실행 중인 작업이 너무 많습니다.'),
  'job/not_found': input(404, 'No such job.', '해당 작업이 없습니다.'),
  'job/kind_retired': input(
    410,
    'This kind of job is retired; its replacement is named in the message.',
    '더 이상 제공하지 않는 작업 종류입니다. 대신 쓸 작업은 메시지에 있습니다.',
  ),
  'job/not_running': input(409, 'The job is not running.', '작업이 실행 중이 아닙니다.'),
  'roleplay/unauthorized': input(401, 'Unknown seat link.', '알 수 없는 좌석 링크입니다.'),
  'roleplay/forbidden': input(403, 'Your seat may not do that.', '이 좌석에서는 할 수 없는 일입니다.'),
  'roleplay/table_not_found': input(404, 'No such table.', '해당 테이블이 없습니다.'),
  'roleplay/scenario_not_found': input(404, 'No such scenario.', '해당 시나리오가 없습니다.'),
  'roleplay/conflict': input(409, 'The table moved on; reload.', '테이블이 진행되었습니다. 새로고침하세요.'),
  'roleplay/paused': input(409, 'The table is paused.', '테이블이 일시 정지되었습니다.'),
  'roleplay/ended': input(409, 'The table has ended.', '테이블이 종료되었습니다.'),
  'roleplay/not_paused': input(409, 'The table is not paused.', '테이블이 일시 정지 상태가 아닙니다.'),
  'roleplay/no_news': input(
    409,
    'The scenario has no later National Assembly to elect.',
    '시나리오에 선출할 다음 국회가 없습니다.',
  ),
  'negotiation/out_of_turn': input(409, 'It is not your turn.', '당신의 차례가 아닙니다.'),
  'negotiation/ended': input(409, 'The negotiation has ended.', '협상이 종료되었습니다.'),
  'negotiation/awaiting_ratification': input(409, 'The deal awaits ratification.', '합의가 비준을 기다리고 있습니다.'),
  'store/unavailable': failure(503, 'The store is unreachable.', '저장소에 연결할 수 없습니다.'),
  'record/not_loaded': failure(503, 'The record is not loaded.', '기록 데이터가 로드되지 않았습니다.'),
  'server/internal': failure(
    500,
    'Internal server error; the server log has the details.',
    '서버 내부 오류입니다. 자세한 내용은 서버 로그에 있습니다.',
  ),
} as const satisfies Readonly<Record<string, ErrorKind>>;

export type RegisteredCode = keyof typeof errorCodes;

// Then the code's last segment (`schedule/index_missing` → `index_missing`)…
const bySuffix: Readonly<Record<string, ErrorKind>> = {
  not_found: input(404, 'Not found.', '찾을 수 없습니다.'),
  unknown_id: input(404, 'Not found.', '찾을 수 없습니다.'),
  conflict: input(409, 'It changed meanwhile; reload.', '그 사이 변경되었습니다. 새로고침하세요.'),
  already_exists: input(409, 'It already exists.', '이미 있습니다.'),
  duplicate: input(409, 'It already exists.', '이미 있습니다.'),
  version_conflict: input(409, 'It changed meanwhile; reload.', '그 사이 변경되었습니다. 새로고침하세요.'),
  stale: input(409, 'It changed meanwhile; reload.', '그 사이 변경되었습니다. 새로고침하세요.'),
  unavailable: failure(503, 'Unavailable for now.', '지금은 사용할 수 없습니다.'),
  invalid: input(422, 'Invalid.', '올바르지 않습니다.'),
  invalid_field: input(422, 'A field is invalid.', '올바르지 않은 필드가 있습니다.'),
  invalid_file: input(422, 'The file is invalid.', '파일이 올바르지 않습니다.'),
};

const cannot = (area: string) =>
  input(422, `The ${area} cannot be computed as asked.`, '요청한 대로 계산할 수 없습니다.');
// …then its area. Engine and io areas judge what the user gave: a well-formed request that cannot be honoured.
const byArea: Readonly<Record<string, ErrorKind>> = {
  request: input(400, 'The request is invalid.', '요청이 올바르지 않습니다.'),
  cli: input(400, 'Wrong usage.', '사용법이 올바르지 않습니다.'),
  file: input(422, 'The file is invalid.', '파일이 올바르지 않습니다.'),
  schedule: cannot('schedule'),
  agreement: cannot('agreement'),
  comparison: cannot('comparison'),
  compare: cannot('comparison'),
  projection: cannot('projection'),
  solve: cannot('solution'),
  metrics: failure(422, 'The metrics cannot be computed as asked.', '지표를 계산할 수 없습니다.'),
  bargaining: failure(422, 'The bargaining problem has no answer as asked.', '협상 문제를 풀 수 없습니다.'),
  negotiation: failure(422, 'The negotiation cannot do that.', '협상에서 할 수 없는 일입니다.'),
  roleplay: failure(422, 'The table cannot do that.', '테이블에서 할 수 없는 일입니다.'),
  scenario: cannot('scenario'),
  domain: cannot('domain'),
  tournament: cannot('tournament'),
  calibration: cannot('calibration'),
  proposal: failure(422, 'The proposal cannot be computed as asked.', '제안을 계산할 수 없습니다.'),
  io: failure(422, 'The input is invalid.', '입력이 올바르지 않습니다.'),
  record: input(422, 'The record cannot answer that.', '기록 데이터로 답할 수 없습니다.'),
  store: failure(500, 'The store failed.', '저장소 오류입니다.'),
  server: failure(500, 'Internal server error.', '서버 내부 오류입니다.'),
  job: failure(400, 'The job cannot be run as asked.', '작업을 실행할 수 없습니다.'),
};

// A coded failure is an expected one: unless its area says otherwise, the request asked for something impossible.
const unknownArea = failure(422, 'The request cannot be honoured.', '요청을 처리할 수 없습니다.');

/**
 * What a code means to a client and to the shell: the exact entry, else the code's last segment, else its area.
 * @example errorKindOf('negotiation/out_of_turn') // { status: 409, exit: 2, en: 'It is not your turn.', ko: '…' }
 */
export function errorKindOf(code: string): ErrorKind {
  const exact = (errorCodes as Readonly<Record<string, ErrorKind>>)[code];
  if (exact !== undefined) return exact;
  const [area = '', ...rest] = code.split('/');
  const suffix = rest.at(-1);
  const fromSuffix = suffix === undefined ? undefined : bySuffix[suffix];
  const fromArea = byArea[area];
  const ofArea = fromArea ?? unknownArea;
  // The status follows the suffix; whether the shell blames the input follows the area.
  return fromSuffix === undefined ? ofArea : { ...fromSuffix, exit: ofArea.exit };
}
