// Page margins of a Worksheet.pageLayout (ExcelApi 1.9) from inches (Excel's unit in the
// file and in the core's print models) to the points Office.js takes. Shared by the summary's
// page setup and «Prepara per la stampa».
export interface InchMargins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

export function queuePageMargins(layout: Excel.PageLayout, m: InchMargins): void {
  layout.leftMargin = m.left * 72;
  layout.rightMargin = m.right * 72;
  layout.topMargin = m.top * 72;
  layout.bottomMargin = m.bottom * 72;
  layout.headerMargin = m.header * 72;
  layout.footerMargin = m.footer * 72;
}
