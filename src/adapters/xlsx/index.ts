// Package-preserving .xlsx output: the user's file with only the add-in's cells and sheets
// changed (see output.ts). fflate only: runs in Node (the CLI) and in the browser (the preview).
export { addinOutput, readPackageInfo, withPackageInfo, patchesBySheet, patchOfWrite, type AddinOutput, type PackageInfo } from "./output";
export { applyPackageEdits, listSheets, readMarks, type OwnedSheet, type PackageEdits } from "./workbook";
export { XlsxPackage, PackageError, FFLATE_CODEC, type Codec } from "./package";
export type { CellPatch } from "./cells";
