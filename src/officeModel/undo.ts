// Undo in Excel as Microsoft documents it: docs/excel/excel-add-ins-undo-capabilities.md
// (OfficeDev/office-js-docs-pr). The table lists the APIs WITHOUT undo support, per platform
// ("web" = Excel on the web, "desktop" = Excel on Windows and Excel on Mac). Inside
// `Excel.run({ mergeUndoGroup: true })` (ExcelApi 1.20) such an API throws `UndoNotSupported`;
// outside a group, "the user's undo stack is cleared starting from that API call".
// Known defects modelled on top (OfficeDev/office-js issues):
// - #5918: Range.getMergedAreasOrNullObject clears the undo stack on Windows desktop.

export type FakePlatform = "PC" | "Mac" | "OfficeOnline";

/** Undo supported? [web, desktop] — "No" rows of the doc's table, verbatim API names. */
export const UNDO_TABLE: Record<string, { web: boolean; desktop: boolean }> = Object.fromEntries(
  (
    [
      ["AllowEditRange.address", false, false],
      ["AllowEditRange.delete", false, false],
      ["AllowEditRange.pauseProtection", false, false],
      ["AllowEditRange.setPassword", false, false],
      ["AllowEditRange.title", false, false],
      ["AllowEditRangeCollection.add", false, false],
      ["AllowEditRangeCollection.pauseProtection", false, false],
      ["Chart.categoryLabelLevel", false, false],
      ["Chart.seriesNameLevel", false, false],
      ["ChartPivotOptions.showAxisFieldButtons", false, true],
      ["ChartPivotOptions.showLegendFieldButtons", false, true],
      ["ChartPivotOptions.showReportFilterFieldButtons", false, true],
      ["ChartPivotOptions.showValueFieldButtons", false, true],
      ["ChartTrendlineLabel.formula", false, true],
      ["DataConnectionCollection.refreshAll", false, false],
      ["DocumentProperties.author", false, true],
      ["DocumentProperties.category", false, true],
      ["DocumentProperties.comments", false, true],
      ["DocumentProperties.company", false, true],
      ["DocumentProperties.keywords", false, true],
      ["DocumentProperties.manager", false, true],
      ["DocumentProperties.revisionNumber", false, true],
      ["DocumentProperties.subject", false, true],
      ["DocumentProperties.title", false, true],
      ["LinkedWorkbook.refresh", false, false],
      ["LinkedWorkbookCollection.refreshAll", false, false],
      ["NamedItem.comment", false, true],
      ["PivotTableStyle.delete", false, true],
      ["PivotTableStyle.duplicate", false, true],
      ["PivotTableStyle.name", false, true],
      ["PivotTableStyleCollection.add", false, true],
      ["PivotTableStyleCollection.setDefault", false, true],
      ["Query.delete", false, true],
      ["Query.refresh", false, true],
      ["QueryCollection.refreshAll", false, true],
      ["Slicer.name", false, true],
      ["Slicer.nameInFormula", false, true],
      ["SlicerStyle.delete", false, true],
      ["SlicerStyle.duplicate", false, true],
      ["SlicerStyle.name", false, true],
      ["SlicerStyleCollection.add", false, true],
      ["SlicerStyleCollection.setDefault", false, true],
      ...[
        "addIndent", "autoIndent", "formulaHidden", "horizontalAlignment", "includeAlignment", "includeBorder", "includeFont",
        "includeNumber", "includePatterns", "includeProtection", "indentLevel", "locked", "numberFormat", "numberFormatLocal",
        "orientation", "readingOrder", "shrinkToFit", "textOrientation", "verticalAlignment", "wrapText",
      ].map((p) => [`Style.${p}`, false, true] as const),
      ["TableStyle.delete", false, true],
      ["TableStyle.duplicate", false, true],
      ["TableStyle.name", false, true],
      ["TableStyleCollection.add", false, true],
      ["TableStyleCollection.setDefault", false, true],
      ["TimelineStyle.delete", false, true],
      ["TimelineStyle.duplicate", false, true],
      ["TimelineStyle.name", false, true],
      ["TimelineStyleCollection.add", false, true],
      ["TimelineStyleCollection.setDefault", false, true],
      ["Workbook.close", false, false],
      ["Workbook.insertWorksheetsFromBase64", false, false],
      ["Workbook.save", false, false],
      ["WorkbookProtection.protect", false, false],
      ["WorkbookProtection.unprotect", false, false],
      ["Worksheet.copy", false, false],
      ["Worksheet.delete", false, false],
      ["Worksheet.name", true, false],
      ["Worksheet.standardWidth", false, true],
      ["Worksheet.position", true, false],
      ["Worksheet.visibility", true, false],
      ["WorksheetCollection.addFromBase64", false, false],
      ["WorksheetProtection.pauseProtection", false, false],
      ["WorksheetProtection.protect", false, false],
      ["WorksheetProtection.resumeProtection", false, false],
      ["WorksheetProtection.setPassword", false, false],
      ["WorksheetProtection.unprotect", false, false],
      ["WorksheetProtection.updateOptions", false, false],
    ] as (readonly [string, boolean, boolean])[]
  ).map(([api, web, desktop]) => [api, { web, desktop }]),
);

export function isDesktop(platform: FakePlatform): boolean {
  return platform === "PC" || platform === "Mac";
}

/** Whether this API keeps undo on this platform (APIs not in the table do). */
export function undoSupported(api: string, platform: FakePlatform): boolean {
  const row = UNDO_TABLE[api];
  if (!row) return true;
  return isDesktop(platform) ? row.desktop : row.web;
}
