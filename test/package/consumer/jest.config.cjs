/**
 * A host's Jest config (default CommonJS mode). `@rjsf/utils` 6.11's CommonJS build
 * requires `@x0k/json-schema-merge`, which ships only ES modules; Jest before Node
 * 24.9 cannot `require` those, so that one package is compiled (babel.config.cjs).
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/jest'],
  transformIgnorePatterns: ['/node_modules/(?!@x0k/json-schema-merge/)'],
};
