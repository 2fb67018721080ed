// Loads the TypeScript scenario worker when running from source: registers tsx in this thread, then re-exports the task.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./scenario-worker.ts');
export default worker.default;
export const evaluateTalkProposals = worker.evaluateTalkProposals;
