// The worksheet collection.
import { FakeOfficeError } from "./errors";
import { FakeCollection } from "./object";
import type { FakeContext } from "./context";
import type { SheetData } from "./data";
import { FakeWorksheet } from "./worksheet";

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  constructor(ctx: FakeContext) {
    super(ctx, "worksheets");
  }
  protected scalarNames(): string[] {
    return ["items"];
  }
  protected hostValue(): unknown {
    return null;
  }
  isNullHost(): boolean {
    return false;
  }
  protected hostItems(): FakeWorksheet[] {
    return this.context.excel.sheets.map((s) => new FakeWorksheet(this.context, `worksheets[${s.name}]`, () => s));
  }

  getItem(key: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, `worksheets.getItem(${key})`, () => {
      const s = this.context.excel.findSheet(key) ?? this.context.excel.sheets.find((x) => x.id === key);
      if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (${key}).`, "WorksheetCollection.getItem");
      return s;
    });
    this.context.queue(`worksheets.getItem`, key, () => void ws.host());
    return ws;
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    const ws = new FakeWorksheet(
      this.context,
      `worksheets.getItemOrNullObject(${key})`,
      () => this.context.excel.findSheet(key) ?? null,
      true,
    );
    this.context.queue(`worksheets.getItemOrNullObject`, key, () => {
      this.context.excel.useApi("1.4", "WorksheetCollection.getItemOrNullObject");
      ws.bindOrNull();
    });
    return ws;
  }

  add(name?: string): FakeWorksheet {
    let created: SheetData | null = null;
    const ws = new FakeWorksheet(this.context, `worksheets.add(${name})`, () => {
      if (!created) throw new FakeOfficeError("InvalidObjectPath", "The object path is not valid (sheet not yet added).");
      return created;
    });
    this.context.queue("worksheets.add", name ?? null, () => {
      created = this.context.excel.addSheetChecked(name);
    });
    return ws;
  }

  /** WorksheetCollection.onAdded (ExcelApi 1.7): handlers registered at sync, run after a sheet
   *  is added (by the add-in or a co-author; see FakeExcel.coAuthorAddsSheet). */
  readonly onAdded = {
    add: (handler: (event: unknown) => Promise<unknown> | unknown) => {
      this.context.queue("worksheets.onAdded.add", null, () => {
        this.context.excel.useApi("1.7", "WorksheetCollection.onAdded");
        this.context.excel.addAddedHandler(handler);
      });
      return { remove: () => undefined };
    },
  };

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, "worksheets.getActiveWorksheet()", () => {
      const s = this.context.excel.activeSheet;
      if (!s) throw new FakeOfficeError("ItemNotFound", "No active sheet.");
      return s;
    });
  }
}
