// The browser build's stand-in for node:fs: src/io reads files only in loadRecord, which the web app never calls.
export const readFileSync = (): never => {
  throw new Error('node:fs is not available in the browser');
};
