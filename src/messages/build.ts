// Italian user-facing strings: the build and the test scripts (webpack.config.js,
// scripts/ensure-test-deps.mjs). Loaded by those Node scripts through esbuild
// (scripts/load-messages.cjs), so plain data and small formatters only, no imports.

const example = "https://intranet.ente.it/piano-performance/";

export const build = {
  prodUrl: {
    missing: "PIANO_PROD_URL non è impostata.",
    invalid: (raw: string): string => `PIANO_PROD_URL non è un indirizzo valido: «${raw}».`,
    notHttps: (raw: string): string => `PIANO_PROD_URL deve iniziare con https:// (Office carica i componenti aggiuntivi solo in https): «${raw}».`,
    local: (raw: string): string => `PIANO_PROD_URL non può puntare a questo computer (la build di sviluppo è \`npm run build:dev\`): «${raw}».`,
    queryOrHash: (raw: string): string => `PIANO_PROD_URL non deve contenere «?» o «#»: «${raw}».`,
    help:
      "La build di produzione ha bisogno dell'indirizzo https del server che ospiterà la cartella dist/ (vedi docs/deploy.md), per esempio:\n" +
      `  PIANO_PROD_URL=${example} npm run build\n` +
      `(Windows, PowerShell: $env:PIANO_PROD_URL="${example}"; npm run build)`,
  },
};
