/**
 * The server's field problems in the page's language: each issue's stable code and parameters (src/i18n/problems.ts),
 * never its English words, with the form's own label for the field. The one place the web words a problem.
 */
import { foundText, problemText } from '../../../src/i18n/problems.js';
import type { Lang } from '../../../src/i18n/format.js';
import type { ApiIssue } from '../api.js';

const shown = (value: ApiIssue['value']): string | null => (value === undefined ? null : foundText(value));

/**
 * One issue as a sentence: "Runs: expected a value at least 1, found 0" / "실행 횟수: 1 이상의 값이어야 합니다 (입력: 0)".
 * Without a label (the message sits beside its field), the sentence alone.
 */
export function issueText(issue: ApiIssue, label: string | null, lang: Lang): string {
  const words = problemText({ code: issue.code, params: issue.params }, lang);
  const value = shown(issue.value);
  const sentence =
    lang === 'ko'
      ? `${words}${value === null ? '' : ` (입력: ${value})`}`
      : `expected ${words}${value === null ? '' : `, found ${value}`}`;
  return label === null ? sentence : `${label}: ${sentence}`;
}

/** The first issue at a request field (`body.runs`), worded for the field that shows it. */
export function fieldIssueText(
  issues: readonly ApiIssue[],
  path: string,
  label: string | null,
  lang: Lang,
): string | null {
  const issue = issues.find((x) => x.path === path);
  return issue ? issueText(issue, label, lang) : null;
}
