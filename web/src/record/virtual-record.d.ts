declare module 'virtual:sma-record' {
  /** The validated record as JSON (see web/record-plugin.ts); typed in record.ts. */
  const record: unknown;
  export default record;
}

declare module 'virtual:sma-record-core' {
  /** What the Calculator and Compare compute with, as JSON (see web/record-plugin.ts); typed in record-core.ts. */
  const record: unknown;
  export default record;
}
