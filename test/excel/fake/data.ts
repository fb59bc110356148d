// Moved to src/officeModel/data.ts (the Office model the tests and the preview share); kept so older imports still resolve.
export * from "../../../src/officeModel/data";
