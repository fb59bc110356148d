// Workbook and Application.
import { FakeObject, scalarGetters } from "./object";
import type { FakeContext } from "./context";
import { FakeWorksheetCollection } from "./worksheets";

export class FakeApplication extends FakeObject {
  constructor(ctx: FakeContext) {
    super(ctx, "application");
  }
  protected scalarNames(): string[] {
    return ["calculationMode"];
  }
  protected hostValue(): unknown {
    return "Automatic";
  }
  isNullHost(): boolean {
    return false;
  }
  calculate(type: string): void {
    this.context.queue("application.calculate", type, () => this.context.excel.calculations.push(type));
  }
}

export class FakeWorkbookProtection extends FakeObject {
  protected scalarNames(): string[] {
    return ["protected"];
  }
  protected hostValue(): unknown {
    this.context.excel.useApi("1.7", "WorkbookProtection");
    return this.context.excel.workbookProtected;
  }
  isNullHost(): boolean {
    return false;
  }
}

export class FakeWorkbook extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly protection: FakeWorkbookProtection;
  constructor(ctx: FakeContext) {
    super(ctx, "workbook");
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.protection = new FakeWorkbookProtection(ctx, "workbook.protection");
  }
  protected scalarNames(): string[] {
    return ["name"];
  }
  protected hostValue(): unknown {
    return "Cartel1.xlsx";
  }
  protected override child(name: string): FakeObject | null {
    return name === "protection" ? this.protection : name === "worksheets" ? this.worksheets : null;
  }
  isNullHost(): boolean {
    return false;
  }
}

scalarGetters(FakeApplication, ["calculationMode"]);
// Workbook.name: ExcelApi 1.7 (https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-name-member).
scalarGetters(FakeWorkbook, ["name"]);
scalarGetters(FakeWorkbookProtection, ["protected"]);
