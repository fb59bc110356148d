// Italian user-facing strings: the files the CLI writes (`--out`, `esempio`) and the
// package-preserving output. Identifiers in English, text in Italian.

export const OUTPUT = {
  notRegular: (f: string) => `${f} non è un file normale (dispositivo, FIFO o cartella): indicare il nome di un file .xlsx.`,
  linkLoop: (f: string) => `${f} è un collegamento simbolico che rimanda a sé stesso: indicare un altro nome.`,
  exampleExists: (f: string) => `${f} esiste già: per sostituirlo aggiungere --sovrascrivi, altrimenti indicare un altro nome.`,
} as const;
