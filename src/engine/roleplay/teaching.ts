/**
 * The teaching note's debrief questions, in both languages, each tied to the debrief figure it is asked beside: the
 * case packet prints them in the teaching note and the class debrief shows each one next to its figure.
 */

/** Which debrief figure a question goes with. */
export type DebriefFigure = 'offer-paths' | 'assembly-votes' | 'delay-cost' | 'deals-plane';

export interface DebriefQuestion {
  readonly figure: DebriefFigure;
  readonly en: string;
  readonly ko: string;
}

export const DEBRIEF_QUESTIONS: readonly DebriefQuestion[] = [
  {
    figure: 'offer-paths',
    en: 'Who conceded first, and why?',
    ko: '어느 쪽이 먼저 양보했고, 왜 그랬습니까?',
  },
  {
    figure: 'assembly-votes',
    en: 'How did the Assembly’s consent constrain the ROK delegation’s offers (two-level game, win-set)?',
    ko: '국회 비준 가능성이 한국 대표단의 제안을 어떻게 제약했습니까(양면 게임, 윈셋)?',
  },
  {
    figure: 'delay-cost',
    en: 'Whom did the cost of a lapse hit first, and how hard?',
    ko: '협정 공백의 비용은 누구에게 먼저, 얼마나 떨어졌습니까?',
  },
  {
    figure: 'deals-plane',
    en: 'How does your deal compare with the real outcome?',
    ko: '여러분의 합의는 실제 결과와 비교해 어떻습니까?',
  },
];
