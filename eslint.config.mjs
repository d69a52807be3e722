// Lint: typescript-eslint's recommended rules (syntax only, no type information, so it stays fast), plus the
// project's own import rule: never load the root of @cdktf/provider-azurerm (1,500 resource types, ~2.5 s per synth).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'cdktf.out/**', 'dist/**', '**/*.d.ts', 'build/**', 'coverage/**', 'examples/**/cdktf.out/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // Bindings mirror generated cdktf code, which passes dynamic Terraform values as `any`.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', {
        paths: [{ name: '@cdktf/provider-azurerm', message: "Import the resource's deep path, e.g. '@cdktf/provider-azurerm/lib/storage-account'." }],
      }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
