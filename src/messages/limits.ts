// Italian user-facing strings: the package check before a workbook is read (zip structure,
// size limits, what a file that is not a workbook is) and the bounds of a sheet's grid.
// Identifiers in English, text in Italian.

const q = (s: string) => `«${s}»`;
const n = (x: number) => x.toLocaleString("it-IT");
const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString("it-IT", { maximumFractionDigits: 1 })} MB`;
const saveAsXlsx = "aprirlo in Excel e salvarlo come «Cartella di lavoro di Excel (.xlsx)»";

export const PACKAGE = {
  /** A worksheet part that ends in the middle of its cells (the package reader never reads it as a shorter sheet). */
  sheetCut: (sheet: string) => `il foglio «${sheet}» è interrotto a metà (XML incompleto): riaprire il file in Excel e salvarlo di nuovo, oppure usare una copia integra`,
  // What the file is, when it is not a workbook.
  encrypted: "è protetto da password (cifrato): aprirlo in Excel con la password, togliere la protezione (File → Informazioni → Proteggi cartella di lavoro → Crittografa con password, lasciando vuoto) e salvarlo di nuovo.",
  oldXls: `è nel vecchio formato .xls (Excel 97-2003): ${saveAsXlsx}.`,
  otherOle: `è nel vecchio formato .xls o in un altro formato binario di Office, non una cartella .xlsx: ${saveAsXlsx}.`,
  ods: "è un foglio di calcolo OpenDocument (.ods, di LibreOffice o OpenOffice), non una cartella di Excel: aprirlo in LibreOffice Calc e salvarlo con «Salva con nome» → «Excel 2007-365 (.xlsx)».",
  odf: "è un documento OpenDocument (LibreOffice/OpenOffice) ma non un foglio di calcolo: serve una cartella di lavoro di Excel (.xlsx).",
  docx: "è un documento di Word (.docx), non una cartella di lavoro di Excel.",
  pptx: "è una presentazione di PowerPoint (.pptx), non una cartella di lavoro di Excel.",
  xlsb: `è una cartella di Excel in formato binario (.xlsb), che qui non si legge: ${saveAsXlsx}.`,
  plainZip: (names: string[]) =>
    `è un archivio zip ma non una cartella di lavoro di Excel (manca xl/workbook.xml)${names.length ? `; contiene per esempio ${names.map(q).join(", ")}` : ""}.`,
  notZip: `non è un file .xlsx (cartella di lavoro di Excel): ${saveAsXlsx}.`,
  // Damaged packages.
  truncated: "non si può leggere come .xlsx: il file è danneggiato, l'archivio zip è incompleto o troncato (manca l'indice dei contenuti). Riaprirlo in Excel e salvarlo di nuovo, o recuperarne una copia.",
  badEntry: (name: string) => `non si può leggere come .xlsx: il file è danneggiato, la parte ${q(name)} dell'archivio non si legge. Riaprirlo in Excel e salvarlo di nuovo.`,
  sizeMismatch: (name: string) => `è danneggiato o manipolato: la parte ${q(name)} non ha la dimensione dichiarata nell'archivio.`,
  unsupportedMethod: (name: string, method: number) => `usa per la parte ${q(name)} una compressione non standard (metodo ${method}): salvarlo di nuovo da Excel.`,
  entryEncrypted: (name: string) => `ha la parte ${q(name)} cifrata: togliere la password in Excel e salvarlo di nuovo.`,
  // Limits (src/core/limits.ts).
  tooBigFile: (bytes: number, max: number) => `è troppo grande (${mb(bytes)}; il massimo è ${mb(max)}): nessun piano plausibile è così grande.`,
  tooManyEntries: (count: number, max: number) => `contiene troppe parti (${n(count)}; il massimo è ${n(max)}).`,
  tooBigPart: (name: string, max: number) => `ha una parte, ${q(name)}, che decompressa supera ${mb(max)}: oltre ogni piano plausibile (o è un file costruito per esaurire la memoria).`,
  tooBigTotal: (max: number) => `decompresso supera ${mb(max)}: oltre ogni piano plausibile (o è un file costruito per esaurire la memoria).`,
  ratio: (name: string, ratio: number) => `ha una parte, ${q(name)}, compressa ${n(Math.round(ratio))} volte: è un file costruito per esaurire la memoria («zip bomb»), non un piano.`,
  tooManyCells: (count: number, max: number) => `contiene più di ${n(max)} celle (almeno ${n(count)}): oltre ogni piano plausibile. Dividere il piano in più cartelle.`,
  tooManyRows: (count: number, max: number) => `contiene più di ${n(max)} righe (almeno ${n(count)}): oltre ogni piano plausibile.`,
  hugeMerge: (sheet: string, ref: string, cells: number, max: number) =>
    `ha nel foglio ${q(sheet)} l'unione di celle ${ref} (${n(cells)} celle; il massimo è ${n(max)}): nessuna scheda è così grande. Separare le celle (Home → Unisci e allinea al centro → Separa celle) e salvare di nuovo.`,
  /** The preview's wording: «Impossibile aprire «x»: il file …». */
  openFailed: (name: string, what: string) =>
    what === PACKAGE.notZip ? `Impossibile aprire «${name}»: il file non è una cartella di lavoro .xlsx leggibile.` : `Impossibile aprire «${name}»: il file ${what}`,
  // The whole message: file name first.
  file: (file: string, what: string) => `${file} ${what}`,
};
