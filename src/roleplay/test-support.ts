// Shared by the role-play suites: the bundled scenario registry and a store location per backend.
import { SMA_11_TALKS, type RolePlayScenario } from '../engine/roleplay/index.js';

export const scenarios = (id: string): RolePlayScenario | undefined =>
  id === SMA_11_TALKS.id ? SMA_11_TALKS : undefined;

export const ASK = { 'first-year-change': 4.612, duration: 1, 'escalation-index': 'none', 'escalation-rate': 0.1 };
export const DEAL = {
  'first-year-change': 0.139,
  duration: 5,
  'escalation-index': 'rok-defense-budget-growth',
  'escalation-rate': 0.1,
};

export { testBackends as backends } from '../store/test-support.js';
