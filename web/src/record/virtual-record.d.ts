declare module 'virtual:sma-record' {
  /** The validated record as JSON (see web/record-plugin.ts); typed in record.ts. */
  const record: unknown;
  export default record;
}
