import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "node_modules/**", "data/**", "db/migrations/**", "tests/.output/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // autoFocus is used deliberately: the error summary and the time-out dialog's main button (GOV.UK patterns).
      "jsx-a11y/no-autofocus": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    // Forms are parsed through app/web/validation/parse.server.ts, which lets only our translated messages through.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/web/validation/parse.server.ts", "app/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@conform-to/zod", "@conform-to/zod/*"], message: "Import parseWithZod from ~/web/validation/parse.server: it keeps schema messages off the page." }] },
      ],
    },
  },
  {
    // Server start-up, scripts and tests may print.
    files: ["app/server/**", "tests/**", "**/*.mjs"],
    rules: { "no-console": "off" },
  },
);
