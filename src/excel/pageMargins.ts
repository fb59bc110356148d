// Page margins of a Worksheet.pageLayout (ExcelApi 1.9) from inches (Excel's unit in the
// file and in the core's print models) to the points Office.js takes. Shared by the summary's
// page setup and «Prepara per la stampa».
import { inchesToPoints } from "../core/units";

export interface InchMargins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

export function queuePageMargins(layout: Excel.PageLayout, m: InchMargins): void {
  layout.leftMargin = inchesToPoints(m.left);
  layout.rightMargin = inchesToPoints(m.right);
  layout.topMargin = inchesToPoints(m.top);
  layout.bottomMargin = inchesToPoints(m.bottom);
  layout.headerMargin = inchesToPoints(m.header);
  layout.footerMargin = inchesToPoints(m.footer);
}
