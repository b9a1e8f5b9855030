/** For Jest: ES modules in node_modules that must be required (see jest.config.cjs). */
module.exports = { plugins: ['@babel/plugin-transform-modules-commonjs'] };
