// Moved to src/officeModel/customProperties.ts (the Office model the tests and the preview share); kept so older imports still resolve.
export * from "../../../src/officeModel/customProperties";
