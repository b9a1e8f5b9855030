/// <reference types="vite/client" />

/** Served by the `trackstar-story-spec` plugin in `.storybook/main.ts`. */
declare module 'virtual:trackstar-story-spec' {
  /** The spec the generated integration stories were made from, or `undefined` for the fixture spec. */
  const spec: unknown;
  export default spec;
}
