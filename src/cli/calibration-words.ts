/** The words of `sma calibrate` and `sma backtest` in English and Korean. */
import type { Distribution } from '../index.js';
import type { Lang } from '../i18n/format.js';
import { fieldLabel, parameterLabel, type ParameterNames } from '../i18n/labels.js';

const WORDS = {
  calibrationOf: ['Calibration of', '보정 대상'],
  seed: ['seed', '시드'],
  particles: ['particles', '입자'],
  generations: ['generations', '세대'],
  stoppedGenerations: ['stopped: the most generations ran', '중단: 최대 세대 수 도달'],
  stoppedAcceptance: [
    'stopped: the moves accepted less than the minimum share',
    '중단: 이동의 수락률이 최소 비율 아래로 떨어짐',
  ],
  stoppedTolerance: [
    'stopped: the tolerance reached its floor or could not fall further',
    '중단: 허용오차가 하한에 도달했거나 더 줄일 수 없음',
  ],
  stoppedBudget: ['stopped: the simulation budget is spent', '중단: 시뮬레이션 예산 소진'],
  ess: ['ESS per generation', '세대별 유효 표본 크기(ESS)'],
  finalTolerance: ['final tolerance', '최종 허용오차'],
  parameter: ['parameter', '변수'],
  prior: ['prior', '사전분포'],
  mean: ['mean', '평균'],
  inSample: ['In sample (each talk replayed on the fit):', '표본 내 검증 (각 협상을 적합 결과로 재현):'],
  talk: ['talk', '협상'],
  deals: ['deals', '타결'],
  firstYear: ['first-year p10 … p90', '첫해 증가율 p10 … p90'],
  real: ['real (PIT)', '실제 (PIT)'],
  concluded: ['concluded p10 … p90', '타결일 p10 … p90'],
  failedVote: ['failed vote', '동의 부결'],
  written: ['Fitted scenario written to', '적합된 시나리오 저장:'],
  backtest: ['Backtest', '백테스트'],
  heldOut: ['held out', '제외한 협상'],
  realFirstYear: ['real 1st yr', '실제 첫해'],
  predicted: ['predicted p10 … p50 … p90', '예측 p10 … p50 … p90'],
  crps: ['CRPS model / baseline', 'CRPS 모형 / 기준'],
  realDate: ['concluded', '타결일'],
  predictedDate: ['predicted p10 … p90', '예측 p10 … p90'],
  dealRate: ['deal rate', '타결률'],
  meanCrps: ['Mean CRPS of the first-year change', '첫해 증가율의 평균 CRPS'],
  model: ['model', '모형'],
  baseline: ['baseline', '기준'],
  better: ['model better', '모형이 우수'],
  notBetter: ['model NOT better', '모형이 우수하지 않음'],
  pitWithin: ['PIT of the first-year change within [0.05, 0.95]', '첫해 증가율 PIT가 [0.05, 0.95] 안'],
  of: ['of', '/'],
  talks: ['talks', '개 협상'],
  sd: ['sd', '표준편차'],
  resampled: ['(* resampled)', '(* 재추출)'],
} as const satisfies Record<string, readonly [string, string]>;

/** The engine's ABC_SMC_METHOD in Korean (the authors by their Korean spelling). */
export const ABC_SMC_METHOD_KO =
  '적응형 ABC-SMC (델 모랄·두세·자스라 2012: 세대마다 유효 표본 크기(ESS)의 α를 남기는 허용오차, 계통 재추출, 메트로폴리스–헤이스팅스 이동; 이동 횟수와 중단 규칙은 드로반디·페티트 2011)';

/** backtest.ts's BACKTEST_METHOD in Korean (predict.ts's NAIVE_BASELINE_NAME for the baseline). */
export const BACKTEST_METHOD_KO = `협상 하나를 빼고 나머지로 적합, 뺀 협상을 예측; 적합: ${ABC_SMC_METHOD_KO}; 기준: 직전 협정의 첫해 증가율(agreements.json)을 평균으로, 그 이전 모든 협정의 첫해 증가율 표준편차로 한 정규분포`;

/** A prior as the table shows it: "uniform(0.2, 0.4)", "균등분포(0.2, 0.4)". */
export const priorText = (d: Distribution, lang: Lang): string => {
  const ko = lang === 'ko';
  if (d.kind === 'uniform') return `${ko ? '균등분포' : 'uniform'}(${d.min}, ${d.max})`;
  if (d.kind === 'normal') return `${ko ? '정규분포' : 'normal'}(${d.mean}, ${d.sd})`;
  const KIND_KO: Record<string, string> = {
    point: '고정값',
    triangular: '삼각분포',
    discrete: '이산분포',
    mixture: '혼합분포',
  };
  return ko ? (KIND_KO[d.kind] ?? d.kind) : d.kind;
};

/**
 * A fitted parameter by its name in the fit ("strategies.us.e", "sma-12-talks.reservation.us"): the name in English (an
 * id the fitted file uses); in Korean the talk's id, then the parameter in the words the simulation's tables use.
 */
export function fittedParameterLabel(
  name: string,
  lang: Lang,
  names: Readonly<Record<string, ParameterNames>>,
): string {
  if (lang !== 'ko') return name;
  const talk = Object.keys(names).find((id) => name.startsWith(`${id}.`));
  const rest = talk === undefined ? name : name.slice(talk.length + 1);
  const scenario = talk === undefined ? undefined : names[talk];
  const bloc = /^ratification\.rok\.(\d+)\.blocs\.(\d+)\.(\w+)$/.exec(rest);
  const path = bloc
    ? `ratification.rok.${bloc[1]}.blocs.${bloc[2]}.stance.${bloc[3]}`
    : rest === 'protocol.horizon'
      ? 'uncertainty.horizon'
      : rest === 'ratification.failedVoteCost'
        ? 'uncertainty.failedVoteCost'
        : /^(strategies|reservation)\./.test(rest)
          ? `uncertainty.${rest}`
          : rest;
  const label = path === rest && !bloc ? fieldLabel(rest, lang, scenario) : parameterLabel(path, lang, scenario);
  return talk === undefined ? label : `${talk} · ${label}`;
}

export type CalibrationWord = keyof typeof WORDS;
export const cword = (w: CalibrationWord, lang: Lang): string => WORDS[w][lang === 'ko' ? 1 : 0];
