// The browser build's stand-in for node:url: src/io computes its default record folder at import time.
export const fileURLToPath = (url: string | URL): string => String(url);
