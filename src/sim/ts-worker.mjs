// Loads the TypeScript worker when running from source: registers tsx in this thread, then re-exports the task.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./monte-carlo-worker.ts');
export default worker.default;
