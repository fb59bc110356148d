// The reader layer: workbook cells in, plan / analysis / write plan / summary model out.
export * from "./grid";
export * from "./readWorkbook";
export * from "./settings";
export * from "./writeback";
export * from "./analyze";
export * from "./summary";
export * from "./backup";
