// The restore backup: a very hidden sheet the add-in owns, one row per cell change made
// by "Calcola performance", holding what the cell held before (value, formula and number
// format, as JSON) and what was written. Kept inside the workbook so "Ripristina" works
// after the file is saved, closed and reopened. Runs only APPEND rows (no need to read the
// backup before writing); for each cell, the first row holds the user's original content
// and the last row what the add-in last wrote.
// The sheet's rows and the cell codec are pure and shared with the reader and the ExcelJS path.
export { BACKUP_COLUMNS, BACKUP_SHEET_NAME, backupHeader, backupRows, parseBackup, type BackupEntry } from "../core/reader/backup";
