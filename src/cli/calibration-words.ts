/** The words of `sma calibrate` and `sma backtest` in English and Korean (parameter names and method stay as ids). */
import type { Lang } from '../i18n/format.js';

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
  parameter: ['parameter', '매개변수'],
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
} as const satisfies Record<string, readonly [string, string]>;

export type CalibrationWord = keyof typeof WORDS;
export const cword = (w: CalibrationWord, lang: Lang): string => WORDS[w][lang === 'ko' ? 1 : 0];
