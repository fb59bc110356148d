// Worksheet custom properties (ExcelApi 1.12).
import { FakeOfficeError } from "./errors";
import { FakeCollection, FakeObject, scalarGetters } from "./object";
import type { FakeContext } from "./context";
import type { FakeWorksheet } from "./worksheet";

export class FakeCustomProperty extends FakeObject {
  constructor(ctx: FakeContext, path: string, private ws: FakeWorksheet, private keyOf: () => string | null, nullable = false) {
    super(ctx, path, nullable);
  }
  protected scalarNames(): string[] {
    return ["key", "value"];
  }
  private entry(): { key: string; value: string } | null {
    const k = this.keyOf();
    return k === null ? null : (this.ws.host().customProperties.get(k.toLowerCase()) ?? null);
  }
  protected hostValue(name: string): unknown {
    this.context.excel.useApi("1.12", "WorksheetCustomProperty");
    const e = this.entry();
    if (!e) throw new FakeOfficeError("ItemNotFound", "Custom property not found.");
    return name === "key" ? e.key : e.value;
  }
  isNullHost(): boolean {
    return this.entry() === null;
  }
  delete(): void {
    this.context.queue(`${this.path}.delete`, null, () => {
      const k = this.keyOf();
      if (k !== null) this.ws.writableHost().customProperties.delete(k.toLowerCase());
    });
  }
}

export class FakeCustomPropertyCollection extends FakeCollection<FakeCustomProperty> {
  constructor(ctx: FakeContext, private ws: FakeWorksheet) {
    super(ctx, `${ws.path}.customProperties`);
  }
  protected scalarNames(): string[] {
    return ["items"];
  }
  protected hostValue(): unknown {
    return null;
  }
  isNullHost(): boolean {
    return this.ws.isNullHost();
  }
  protected hostItems(): FakeCustomProperty[] {
    this.context.excel.useApi("1.12", "WorksheetCustomPropertyCollection");
    return [...this.ws.host().customProperties.values()].map((e) => new FakeCustomProperty(this.context, `${this.path}[${e.key}]`, this.ws, () => e.key));
  }
  add(key: string, value: string): FakeCustomProperty {
    this.context.queue(`${this.path}.add`, [key, value], () => {
      this.context.excel.useApi("1.12", "WorksheetCustomPropertyCollection.add");
      this.ws.writableHost().customProperties.set(key.toLowerCase(), { key, value });
    });
    return new FakeCustomProperty(this.context, `${this.path}[${key}]`, this.ws, () => key);
  }
  getItemOrNullObject(key: string): FakeCustomProperty {
    const p = new FakeCustomProperty(this.context, `${this.path}.getItemOrNullObject(${key})`, this.ws, () => key, true);
    this.context.queue(`${this.path}.getItemOrNullObject`, key, () => this.context.excel.useApi("1.12", "WorksheetCustomPropertyCollection.getItemOrNullObject"));
    return p;
  }
}

scalarGetters(FakeCustomProperty, ["key", "value"]);
