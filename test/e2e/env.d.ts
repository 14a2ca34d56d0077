// Values the e2e global setup hands to the tests (vitest's provide/inject).
export {};

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the production build is served, e.g. http://127.0.0.1:41234/ */
    baseURL: string;
  }
}
