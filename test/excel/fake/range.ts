// Moved to src/officeModel/range.ts (the Office model the tests and the preview share); kept so older imports still resolve.
export * from "../../../src/officeModel/range";
