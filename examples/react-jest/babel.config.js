// JSX through React's automatic runtime, and ES modules as CommonJS, which
// Jest loads without its experimental ESM mode.
module.exports = {
  presets: [['@babel/preset-react', { runtime: 'automatic' }]],
  plugins: ['@babel/plugin-transform-modules-commonjs'],
};
