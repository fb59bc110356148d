// Charts: the collection, a chart, its title, legend and first series.
import { FakeOfficeError } from "./errors";
import { FakeCollection, FakeObject, scalarGetters } from "./object";
import type { FakeContext } from "./context";
import type { ChartData } from "./data";
import { boxAddress } from "./addresses";
import type { FakeWorksheet } from "./worksheet";
import type { FakeRange } from "./range";

export class FakeChartTitle extends FakeObject {
  constructor(ctx: FakeContext, private chart: FakeChart) {
    super(ctx, `${chart.path}.title`);
  }
  protected scalarNames(): string[] {
    return ["text"];
  }
  protected hostValue(): unknown {
    return this.chart.host().title;
  }
  isNullHost(): boolean {
    return false;
  }
  set text(v: string) {
    this.set("text", v, () => void (this.chart.host().title = v));
  }
  get text(): string {
    return this.read("text");
  }
}

export class FakeChartLegend extends FakeObject {
  constructor(ctx: FakeContext, private chart: FakeChart) {
    super(ctx, `${chart.path}.legend`);
  }
  protected scalarNames(): string[] {
    return ["visible"];
  }
  protected hostValue(): unknown {
    return this.chart.host().legendVisible;
  }
  isNullHost(): boolean {
    return false;
  }
  set visible(v: boolean) {
    this.set("visible", v, () => void (this.chart.host().legendVisible = v));
  }
  get visible(): boolean {
    return this.read("visible");
  }
}

export class FakeChartSeries extends FakeObject {
  constructor(ctx: FakeContext, private chart: FakeChart) {
    super(ctx, `${chart.path}.series[0]`);
  }
  protected scalarNames(): string[] {
    return ["name"];
  }
  protected hostValue(): unknown {
    return "Serie1";
  }
  isNullHost(): boolean {
    return false;
  }
  setXAxisValues(range: FakeRange): void {
    this.context.queue(`${this.path}.setXAxisValues`, range.path, () => {
      this.context.excel.useApi("1.7", "ChartSeries.setXAxisValues");
      this.chart.host().xAxisValues = boxAddress(range.box());
    });
  }
  setValues(range: FakeRange): void {
    this.context.queue(`${this.path}.setValues`, range.path, () => {
      this.context.excel.useApi("1.7", "ChartSeries.setValues");
      this.chart.host().values = boxAddress(range.box());
    });
  }
}

export class FakeChart extends FakeObject {
  readonly title: FakeChartTitle;
  readonly legend: FakeChartLegend;
  readonly series: { getItemAt: (i: number) => FakeChartSeries };
  constructor(ctx: FakeContext, path: string, private ws: FakeWorksheet, private data: () => ChartData) {
    super(ctx, path);
    this.title = new FakeChartTitle(ctx, this);
    this.legend = new FakeChartLegend(ctx, this);
    const series = new FakeChartSeries(ctx, this);
    this.series = {
      getItemAt: (i: number) => {
        if (i !== 0) throw new Error("fake: only series 0 is modelled");
        return series;
      },
    };
  }
  host(): ChartData {
    if (this.ws.host().protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
    return this.data();
  }
  protected scalarNames(): string[] {
    return ["name"];
  }
  protected hostValue(): unknown {
    return this.data().name;
  }
  isNullHost(): boolean {
    return false;
  }
  setPosition(start: string, end?: string): void {
    this.context.queue(`${this.path}.setPosition`, [start, end], () => void (this.host().position = { start, end }));
  }
  delete(): void {
    this.context.queue(`${this.path}.delete`, null, () => {
      const s = this.ws.writableHost();
      s.charts = s.charts.filter((c) => c !== this.data());
    });
  }
}

export class FakeChartCollection extends FakeCollection<FakeChart> {
  constructor(ctx: FakeContext, private ws: FakeWorksheet) {
    super(ctx, `${ws.path}.charts`);
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
  protected hostItems(): FakeChart[] {
    return this.ws.host().charts.map((c) => new FakeChart(this.context, `${this.path}[${c.name}]`, this.ws, () => c));
  }
  add(type: string, source: FakeRange, seriesBy = "Auto"): FakeChart {
    let created: ChartData | null = null;
    this.context.queue(`${this.path}.add`, [type, source.path, seriesBy], () => {
      const s = this.ws.writableHost();
      created = { name: `Grafico ${s.charts.length + 1}`, type, source: boxAddress(source.box()), seriesBy, title: null, legendVisible: true, position: null, xAxisValues: null, values: null };
      s.charts.push(created);
    });
    return new FakeChart(this.context, `${this.path}.add()`, this.ws, () => {
      if (!created) throw new FakeOfficeError("InvalidObjectPath", "Chart not created.");
      return created;
    });
  }
}

scalarGetters(FakeChart, ["name"]);
scalarGetters(FakeChartSeries, ["name"]);
